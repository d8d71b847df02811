import { type ReplayResult, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ENCRYPTED_ENCODING,
  encryptingDataConverter,
  bundleWithFailureConverter,
  TEST_PAYLOAD_KEY_RING,
} from '../libs/temporal/src/codec';
import { installTemporalRuntime } from '../libs/temporal/src/runtime-logging';
import { type HistoryFixture, loadHistoryFixtures } from './support/replay-histories';
import { testServers } from './support/test-env';

/**
 * Replays the committed histories of representative cases (test/fixtures/histories, written by
 * `npm run -s fixtures:histories`) against the current workflow code. A failure here means a change to
 * workflow code would break cases already running: guard the change with patched() instead of
 * regenerating the fixtures. The fixtures are encrypted with the fixed TEST-ONLY key ring.
 */

// Jest 30 reads testTimeout only at the top level of jest.config.js, not per project.
jest.setTimeout(60_000);

/** Every representative scenario of scripts/generate-history-fixtures.ts. */
const MIN_FIXTURES = 7;

const replayOptions = (codePath: string) => ({
  workflowBundle: { codePath },
  dataConverter: encryptingDataConverter(TEST_PAYLOAD_KEY_RING),
});

async function replayAll(codePath: string, fixtures: HistoryFixture[]): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for await (const result of Worker.runReplayHistories(replayOptions(codePath), fixtures))
    results.push(result);
  return results;
}

describe('replay of committed case histories', () => {
  const fixtures = loadHistoryFixtures();
  let scratch: string;
  let alteredBundlePath: string;

  beforeAll(async () => {
    installTemporalRuntime('warn'); // the replay workers' state changes are noise here
    // The deliberately altered workflow, bundled as the real one is (with the encrypting failure converter).
    const bundle = await bundleWithFailureConverter(
      require.resolve('./workflows/altered-petition-case.workflow'),
    );
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-replay-'));
    alteredBundlePath = path.join(scratch, 'altered-workflow-bundle.js');
    fs.writeFileSync(alteredBundlePath, bundle);
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('has a fixture for every representative scenario', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'lifecycle-concluded',
        'triage-overdue',
        'review-window-lapsed',
        'extension-pause-resume',
        'calendar-and-policy-migration',
        'withdrawn',
        'reception-objection-completion',
        'continue-as-new',
        'recusal-reassign',
        'lawful-clocks',
        'skip-level-visit-and-petitioner-rating',
        'art35-backdated-review',
      ]),
    );
  });

  it('every fixture replays against the current workflow code without error', async () => {
    const results = await replayAll(testServers().workflowBundlePath, fixtures);
    expect(results).toHaveLength(fixtures.length);
    expect(results.map((r) => ({ workflowId: r.workflowId, error: r.error?.message }))).toEqual(
      fixtures.map((f) => ({ workflowId: f.workflowId, error: undefined })),
    );
  });

  it('a deliberately altered workflow (a timer added first, without patched()) fails replay with a DeterminismViolationError', async () => {
    const lifecycle = fixtures.find((f) => f.name === 'lifecycle-concluded');
    expect(lifecycle).toBeDefined();
    const [result, ...rest] = await replayAll(alteredBundlePath, [lifecycle!]);
    expect(rest).toEqual([]);
    expect(result.error).toBeInstanceOf(DeterminismViolationError);
    expect(result.error?.message).toMatch(/nondetermin/i);
  });

  it('the fixtures carry no readable payloads: all encrypted under the test key, no Chinese text', () => {
    const encrypted = Buffer.from(ENCRYPTED_ENCODING).toString('base64');
    const testKeyId = Buffer.from(TEST_PAYLOAD_KEY_RING.activeKeyId).toString('base64');
    for (const fixture of fixtures) {
      const payloads = payloadsOutsideSearchAttributes(JSON.parse(fixture.raw));
      expect({ fixture: fixture.name, some: payloads.length > 0 }).toEqual({
        fixture: fixture.name,
        some: true,
      });
      const readable = payloads.filter(
        (p) =>
          (p.metadata?.encoding !== encrypted || p.metadata?.['encryption-key-id'] !== testKeyId) &&
          !isPatchMarker(p),
      );
      expect({ fixture: fixture.name, readable }).toEqual({ fixture: fixture.name, readable: [] });
      // Names, subjects and reasons are Chinese in every scenario: none may appear in the file.
      expect({ fixture: fixture.name, chinese: /[\u4e00-\u9fff]/.test(fixture.raw) }).toEqual({
        fixture: fixture.name,
        chinese: false,
      });
    }
  });
});

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/**
 * The marker a `patched()` call records: the SDK writes it without the payload codec, and it holds only
 * the patch id (`{"id":…,"deprecated":…}`), nothing of the case.
 */
function isPatchMarker(payload: JsonPayload): boolean {
  try {
    const value = JSON.parse(Buffer.from(payload.data ?? '', 'base64').toString('utf8')) as object;
    return Object.keys(value).sort().join(',') === 'deprecated,id';
  } catch {
    return false;
  }
}

/** Every payload in a history's JSON except search attributes (indexed, never encrypted by a codec). */
function payloadsOutsideSearchAttributes(node: unknown, found: JsonPayload[] = []): JsonPayload[] {
  if (Array.isArray(node)) {
    node.forEach((item) => payloadsOutsideSearchAttributes(item, found));
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const metadata = record.metadata as Record<string, unknown> | undefined;
    if (metadata && typeof metadata === 'object' && 'encoding' in metadata) found.push(record as JsonPayload);
    for (const [key, value] of Object.entries(record))
      if (key !== 'searchAttributes') payloadsOutsideSearchAttributes(value, found);
  }
  return found;
}
