/**
 * The committed replay fixtures (test/fixtures/histories/*.json, written by
 * scripts/generate-history-fixtures.ts): one history per file, in the JSON form Temporal's tools use.
 */
import { type HistoryAndWorkflowId } from '@temporalio/client';
import * as proto from '@temporalio/proto';
import { type temporal } from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export const HISTORY_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'histories');

export interface HistoryFixture extends HistoryAndWorkflowId {
  /** The file name without `.json`; also used as the workflow ID (the workflow never reads its ID). */
  name: string;
  /** The file as committed (JSON text). */
  raw: string;
  history: temporal.api.history.v1.History;
}

/**
 * What `historyFromJSON` (@temporalio/common/lib/proto-utils) does for histories in the canonical JSON
 * form, with the protojson module of the protobufjs copy that @temporalio/proto itself loads. In this
 * tree @temporalio/common and @temporalio/proto each get their own protobufjs 8 (the top-level one is
 * 7.x, for @grpc/proto-loader), so the SDK's helper — and Worker.runReplayHistories given JSON — fails
 * its `instanceof Type` check with "type must be a Type". A parsed History (int64 as Long) bypasses it.
 */
export function historyFromJson(json: unknown): temporal.api.history.v1.History {
  // protobufjs as @temporalio/proto resolves it, whatever the install layout.
  const protojson = createRequire(require.resolve('@temporalio/proto'))('protobufjs/ext/protojson') as {
    fromJson(type: unknown, json: unknown, options: object): unknown;
  };
  const historyType = (
    patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }
  ).lookupType('temporal.api.history.v1.History');
  return protojson.fromJson(historyType, json, {
    ignoreUnknownFields: true,
  }) as temporal.api.history.v1.History;
}

/** Every fixture in the folder, sorted by name. */
export function loadHistoryFixtures(dir = HISTORY_FIXTURES_DIR): HistoryFixture[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '');
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name, workflowId: name, raw, history: historyFromJson(JSON.parse(raw)) };
    });
}
