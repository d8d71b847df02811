import { type Connection, isGrpcServiceError } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

const INDEXED_VALUE_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.INT]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

const GRPC_NOT_FOUND = 5;
const NEW_NAMESPACE_WAIT_MS = 60_000;

/**
 * Registers the case search attributes on a namespace through the operator service: for servers not
 * started with `--search-attribute` (the time-skipping test server, a fresh cluster namespace).
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_VALUE_TYPES[key.type]]),
    ),
  });
}

export class SearchAttributeConflictError extends Error {
  override readonly name = 'SearchAttributeConflictError';
}

/**
 * Registers the namespace when it does not exist yet (an existing one is left as it is, retention included),
 * and returns once the cluster serves it. Answers whether it was created.
 */
export async function ensureNamespace(
  connection: Connection,
  namespace: string,
  retentionDays: number,
): Promise<boolean> {
  if (await namespaceExists(connection, namespace)) return false;
  await connection.workflowService.registerNamespace({
    namespace,
    description: '信访案件工作流引擎 / Petition Case Engine',
    workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
  });
  await untilServed(connection, namespace);
  return true;
}

async function namespaceExists(connection: Connection, namespace: string): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** A namespace registered a moment ago reaches the other services only when their namespace caches refresh. */
async function untilServed(connection: Connection, namespace: string): Promise<void> {
  const deadline = Date.now() + NEW_NAMESPACE_WAIT_MS;
  for (;;) {
    try {
      await connection.operatorService.listSearchAttributes({ namespace });
      return;
    } catch (error) {
      if (!isNotFound(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function isNotFound(error: unknown): boolean {
  return isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND;
}

/**
 * Adds whichever case search attributes the namespace lacks; idempotent. One already registered with
 * another type is a conflict the operator must resolve: it is reported, never changed.
 * Answers the names added.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const key of CASE_SEARCH_ATTRIBUTES) {
    const wanted = INDEXED_VALUE_TYPES[key.type]!;
    const existing = customAttributes[key.name];
    if (existing === undefined) missing[key.name] = wanted;
    else if (existing !== wanted) {
      throw new SearchAttributeConflictError(
        `搜索属性类型冲突 / search attribute ${key.name} on namespace ${namespace} has type ${temporal.api.enums.v1.IndexedValueType[existing]}, the engine needs ${temporal.api.enums.v1.IndexedValueType[wanted]}`,
      );
    }
  }
  if (Object.keys(missing).length > 0) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  }
  return Object.keys(missing);
}
