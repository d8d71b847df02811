import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SEALED_COLUMNS } from '../libs/persistence/src/key-rotation';
import {
  EncryptionCodec,
  METADATA_ENCRYPTION_KEY_ID,
  readPayloadKeyRingFile,
} from '../libs/temporal/src/codec';
import { BenchStack } from '../scripts/bench/bench-stack';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { compileForOwnStack, envWithoutSharedServers } from './support/own-stack';
import { testServers } from './support/test-env';

/**
 * `npm run rotate-keys` on a running stack of its own (file key ring, as `npm start` keeps it) while a
 * clerk keeps registering cases: nothing is lost, every value at rest ends under the new key, and
 * histories written under the old key still decode.
 */
jest.setTimeout(300_000);

const run = promisify(execFile);

describe('key rotation', () => {
  let distDir: string;
  let stack: BenchStack | undefined;

  beforeAll(() => {
    distDir = compileForOwnStack('.key-rotation');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('rotates while cases are registered and loses nothing', async () => {
    stack = await BenchStack.start({ distDir, workflowBundlePath: testServers().workflowBundlePath });
    const current = stack;
    const ringFile = path.join(current.dataDir, 'keys', 'payload-keys.json');
    const oldKeyId = readPayloadKeyRingFile(ringFile).activeKeyId;
    const clerk = await current.sessions.tokenFor('qx-clerk-1');
    const call = async (
      method: string,
      route: string,
      body?: unknown,
    ): Promise<{ status: number; body: any }> => {
      const response = await fetch(`${current.apiUrl}/api${route}`, {
        method,
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    };
    const phones = new Map<string, string>();
    const failures: string[] = [];
    let index = 0;
    const register = async () => {
      const phone = `139${String(10_000_000 + index).slice(-8)}`;
      const created = await call('POST', '/cases', {
        channel: 'visit',
        petitioner: { name: `轮换${index}`, phone, address: `示例区幸福路${index}号` },
        category: 'grievance',
        subject: ['拖欠工资', '噪音扰民', '道路破损', '物业纠纷'][index % 4],
        content: `密钥轮换演练第${index++}件，请求协调解决。`,
        unitCode: 'QX',
      });
      if (created.status !== 201) failures.push(`register ${created.status} ${JSON.stringify(created.body)}`);
      else phones.set(created.body.caseNumber, phone);
      return created.body?.caseNumber as string;
    };

    const before = [];
    for (let k = 0; k < 6; k++) before.push(await register());
    for (const caseNumber of before.slice(0, 3))
      expect((await call('POST', `/cases/${caseNumber}/actions/accept`, {})).status).toBe(200);

    let registering = true;
    const clerkLoop = (async () => {
      while (registering) await register();
    })();
    const rotate = (args: string[]) =>
      run(process.execPath, [path.join(distDir, 'scripts', 'rotate-keys.js'), ...args], {
        env: { ...envWithoutSharedServers(), DATA_DIR: current.dataDir },
      });
    try {
      // A first run stops after two small batches; the second continues from its saved cursor.
      const paused = await rotate(['--batch-size', '3', '--max-batches', '2']);
      expect(paused.stdout).toContain('新密钥已启用 / key');
      expect(paused.stdout).toContain('已暂停 / paused');
      const ring = readPayloadKeyRingFile(ringFile);
      expect(ring.keyIds).toEqual(expect.arrayContaining([oldKeyId, ring.activeKeyId]));
      expect(ring.activeKeyId).not.toBe(oldKeyId);
      const resumed = await rotate(['--batch-size', '3']);
      expect(resumed.stdout).toContain('继续上次轮换 / resuming');
      expect(resumed.stdout).toContain('轮换完成 / rotation done');
    } finally {
      registering = false;
      await clerkLoop;
    }
    expect(failures).toEqual([]);
    const newKeyId = readPayloadKeyRingFile(ringFile).activeKeyId;
    expect(phones.size).toBeGreaterThan(before.length);

    // Every value at rest is under the new key (the loop's last cases were sealed by the apps with it).
    for (const set of SEALED_COLUMNS) {
      const [{ all, renewed }] = await current.owner.query(
        `SELECT ${set.columns.map((c) => `count(${c})`).join(' + ')} AS all,
                ${set.columns.map((c) => `count(*) FILTER (WHERE ${c} LIKE $1)`).join(' + ')} AS renewed
         FROM ${set.table}`,
        [`v1:${newKeyId}:%`],
      );
      expect({ table: set.table, count: Number(renewed) }).toEqual({ table: set.table, count: Number(all) });
    }
    // Nothing lost: each case's petitioner decrypts to what was sent.
    for (const [caseNumber, phone] of phones) {
      const revealed = await call('POST', `/cases/${caseNumber}/petitioner/reveal`, {
        reason: '轮换演练核对',
      });
      expect({ caseNumber, phone: revealed.body?.phone }).toEqual({ caseNumber, phone });
    }
    // The oldest history is still under the old key and decodes with the rotated ring; its case goes on.
    const history = await current.temporal.workflow.getHandle(caseWorkflowId(before[3]!)).fetchHistory();
    const started = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    expect(Buffer.from(started[0]!.metadata![METADATA_ENCRYPTION_KEY_ID]!).toString()).toBe(oldKeyId);
    const [decoded] = await new EncryptionCodec(readPayloadKeyRingFile(ringFile)).decode(started);
    expect(JSON.parse(Buffer.from(decoded!.data!).toString())).toMatchObject({
      registeredBy: expect.anything(),
    });
    expect((await call('POST', `/cases/${before[3]}/actions/accept`, {})).status).toBe(200);
    expect(fs.existsSync(path.join(current.dataDir, 'keys', 'rotation-progress.json'))).toBe(true);
    // A ring rotated by other means: only the re-sealing runs, and finds nothing left.
    const resealOnly = await rotate(['--reseal-only']);
    expect(resealOnly.stdout).not.toContain('新密钥已加入');
    expect(resealOnly.stdout).toContain(`rotation done: 0 values re-sealed under ${newKeyId}`);
  });
});
