import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  CASE_SEARCH_ATTRIBUTES,
  ensureNamespace,
  ensureSearchAttributes,
  SearchAttributeConflictError,
} from '../libs/temporal/src';
import { uniqueId } from './support/stack';
import { testServers } from './support/test-env';

const { IndexedValueType } = temporal.api.enums.v1;

/** What the image's `setup-temporal` command does to an existing cluster, against the real dev server. */
describe('Temporal namespace setup for an existing cluster', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testServers().temporalAddress });
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('registers a missing namespace with its retention, adds the case search attributes, and changes nothing on a second run', async () => {
    const namespace = `pce-setup-${uniqueId()}`;

    expect(await ensureNamespace(connection, namespace, 7)).toBe(true);
    const described = await connection.workflowService.describeNamespace({ namespace });
    expect(Number(described.config?.workflowExecutionRetentionTtl?.seconds)).toBe(7 * 86_400);
    expect((await ensureSearchAttributes(connection, namespace)).sort()).toEqual(
      CASE_SEARCH_ATTRIBUTES.map((key) => key.name).sort(),
    );

    expect(await ensureNamespace(connection, namespace, 30)).toBe(false);
    expect(await ensureSearchAttributes(connection, namespace)).toEqual([]);
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    expect(customAttributes).toMatchObject({
      CaseStatus: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ResponsibleUnit: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      DueAt: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
      OverdueLevel: IndexedValueType.INDEXED_VALUE_TYPE_INT,
    });
  });

  it('refuses an attribute already registered with another type, naming it, and adds nothing', async () => {
    const namespace = `pce-setup-${uniqueId()}`;
    await ensureNamespace(connection, namespace, 1);
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: { CaseStatus: IndexedValueType.INDEXED_VALUE_TYPE_INT },
    });

    await expect(ensureSearchAttributes(connection, namespace)).rejects.toThrow(SearchAttributeConflictError);
    await expect(ensureSearchAttributes(connection, namespace)).rejects.toThrow(
      /CaseStatus .* has type INDEXED_VALUE_TYPE_INT, the engine needs INDEXED_VALUE_TYPE_KEYWORD/,
    );
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    expect(customAttributes.ResponsibleUnit).toBeUndefined();
  });
});
