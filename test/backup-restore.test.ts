import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parsePolicy } from '../libs/domain/src/policy/parse-policy';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { recordPublication } from '../libs/persistence/src';
import { BenchStack, sleep } from '../scripts/bench/bench-stack';
import { registerOverHttp, registrationBody } from '../scripts/bench/intake-units';
import { compileForOwnStack, envWithoutSharedServers } from './support/own-stack';
import { testServers } from './support/test-env';

/**
 * The restore drill: on a stack of its own (PostgreSQL, Temporal dev server, worker and API as
 * `npm start` runs them, own ports and data folder) cases are registered and worked, one of them with a
 * warning due a little after the backup; `npm run backup` seals the data folder's contents; the stack
 * and its folder are wiped; `npm run restore` lays the archive into a new folder, and a stack on new
 * ports must carry on: every chain verifies against its live workflow, the inbox and metrics are what
 * they were, the petitioner's data decrypts, every open case takes its next action and the pending
 * warning fires.
 */
jest.setTimeout(420_000);

const run = promisify(execFile);
const WARNING_AFTER_BACKUP_MS = 60_000;
/** The drill's cases; another unit's clerks keep registering while the backup runs. */
const UNIT = 'QX-XS';
const CLERK = 'qx-xs-clerk-1';
const LOAD_UNIT = 'QX-DH';
const LOAD_CLERK = 'qx-dh-clerk-1';

interface Api {
  call(method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: any }>;
}

function apiOf(stack: BenchStack): Api {
  return {
    async call(method, route, token, body) {
      const response = await fetch(`${stack.apiUrl}/api${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
  };
}

/** What must survive the restore unchanged, read through the API. */
async function observe(stack: BenchStack, cases: string[], tokens: { clerk: string; supervisor: string }) {
  const api = apiOf(stack);
  const { clerk, supervisor } = tokens;
  // The warning due after the backup may already have reached the restored inbox: all else is as it was.
  const inbox = ((await api.call('GET', '/inbox', clerk)).body.items as { eventType: string }[]).filter(
    (item) => item.eventType !== 'deadlineWarning',
  );
  const metrics = (await api.call('GET', `/metrics?unit=${UNIT}`, supervisor)).body;
  const statuses: Record<string, string> = {};
  for (const caseNumber of cases)
    statuses[caseNumber] = (await api.call('GET', `/cases/${caseNumber}`, clerk)).body.status;
  return { inbox, metrics, statuses };
}

describe('backup and restore drill', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-restore-drill-'));
  let distDir: string;
  const passphraseFile = path.join(work, 'passphrase');
  const stacks: BenchStack[] = [];

  beforeAll(() => {
    fs.chmodSync(work, 0o755); // the restored cluster runs as the `postgres` user when we are root
    fs.writeFileSync(passphraseFile, 'drill passphrase 一二三四\n', { mode: 0o600 });
    distDir = compileForOwnStack('.backup-drill');
  });

  afterAll(async () => {
    for (const stack of stacks) await stack.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** A command of the build with the stack's data folder and nothing pointing at the shared test servers. */
  function command(script: string, args: string[], dataDir?: string) {
    return run(process.execPath, [path.join(distDir, 'scripts', script), ...args], {
      env: { ...envWithoutSharedServers(), ...(dataDir ? { DATA_DIR: dataDir } : {}) },
    });
  }

  it('restores a wiped stack on new ports and it carries on', async () => {
    const bundle = testServers().workflowBundlePath;
    const first = await BenchStack.start({ distDir, workflowBundlePath: bundle });
    stacks.push(first);
    const api = apiOf(first);
    const clerk = await first.sessions.tokenFor(CLERK);
    const receivedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const register = async (index: number, petitioner: Record<string, string>) => {
      const created = await api.call('POST', '/cases', clerk, {
        channel: 'visit',
        petitioner,
        category: 'grievance',
        subject: ['拖欠工资', '噪音扰民', '道路破损', '物业纠纷'][index % 4],
        content: `恢复演练第${index}件，请求协调解决。`,
        unitCode: UNIT,
        // Two days back, so today's triage due time is under the clock's 15 days away (a warning may be that long before it).
        receivedAt,
        receivedAtReason: '来信积压两日后补登',
      });
      expect(created.status).toBe(201);
      return created.body.caseNumber as string;
    };

    // A probe shows today's triage due time; a policy then puts its warning a little after the backup.
    const probe = await register(0, { name: '钱一', phone: '13900000000' });
    const [{ due_at: dueAt }] = await first.owner.query(`SELECT due_at FROM cases WHERE case_number = $1`, [
      probe,
    ]);
    const warnAt = Date.now() + 30_000 + WARNING_AFTER_BACKUP_MS;
    const policy = parsePolicy({
      ...DEFAULT_POLICY,
      version: `restore-drill-${Date.now().toString(36)}`,
      clocks: {
        ...DEFAULT_POLICY.clocks,
        triage: {
          ...DEFAULT_POLICY.clocks.triage,
          warnBefore: [`PT${Math.round((dueAt.getTime() - warnAt) / 1000)}S`],
        },
      },
    });
    await recordPublication(first.owner, {
      kind: 'policy',
      version: policy.version,
      document: policy,
      actorId: 'qx-admin-1',
      inForceFor: { unitCode: UNIT },
    });
    const waiting = [
      await register(1, {
        name: '孙二',
        idNumber: '11010519491231002X',
        phone: '13900000001',
        address: '示例区幸福路1号',
      }),
      await register(2, { name: '李三', phone: '13900000002' }),
    ];
    const accepted = [
      await register(3, { name: '周四', phone: '13900000003' }),
      await register(4, { name: '吴五', phone: '13900000004' }),
    ];
    for (const caseNumber of [probe, ...accepted])
      expect((await api.call('POST', `/cases/${caseNumber}/actions/accept`, clerk, {})).status).toBe(200);
    const all = [probe, ...waiting, ...accepted];
    // Sessions are rows in PostgreSQL: the same tokens serve on the restored stack (a new login there
    // within the same 30 s TOTP step would rightly be refused as a replayed code).
    const tokens = { clerk, supervisor: await first.sessions.tokenFor('qx-supervisor-1') };
    const before = await observe(first, all, tokens);

    // Registrations go on during the backup: its write pause must leave the two stores in agreement.
    const loadToken = await first.sessions.tokenFor(LOAD_CLERK);
    const sent = new Map<string, Record<string, unknown>>();
    let loading = true;
    let next = 0;
    const load = Promise.all(
      [0, 1, 2].map(async () => {
        while (loading) {
          const index = next++;
          const key = `restore-drill-load-${index}`;
          sent.set(key, registrationBody(index, LOAD_UNIT));
          await registerOverHttp(first, loadToken, key, sent.get(key)!).catch(() => undefined);
        }
      }),
    );
    const archive = path.join(work, 'drill.pcebak');
    const backup = await command(
      'backup.js',
      ['--out', archive, '--passphrase-file', passphraseFile],
      first.dataDir,
    ).finally(() => (loading = false));
    await load;
    expect(backup.stdout).toContain('备份完成 / backup written');
    process.stdout.write(
      `[restore drill] ${backup.stdout
        .split('\n')
        .filter((line) => /paused|written/.test(line))
        .join('; ')}\n`,
    );
    expect(backup.stdout).not.toContain('drill passphrase');
    // Wiped: the stack stops and its whole data folder goes.
    await first.stop();
    expect(fs.existsSync(first.dataDir)).toBe(false);

    const restoredDir = path.join(work, 'restored');
    fs.mkdirSync(restoredDir);
    fs.writeFileSync(path.join(restoredDir, 'stray'), '');
    await expect(
      command('restore.js', ['--from', archive, '--data', restoredDir, '--passphrase-file', passphraseFile]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('is not empty') });
    fs.rmSync(restoredDir, { recursive: true });

    const restoreStarted = Date.now();
    await command('restore.js', [
      '--from',
      archive,
      '--data',
      restoredDir,
      '--passphrase-file',
      passphraseFile,
    ]);
    const restoredMs = Date.now() - restoreStarted;
    const second = await BenchStack.start({ distDir, workflowBundlePath: bundle, dataDir: restoredDir });
    stacks.push(second);
    const readyMs = Date.now() - restoreStarted;
    process.stdout.write(
      `[restore drill] restore ${(restoredMs / 1000).toFixed(1)} s; restored stack ready ${(readyMs / 1000).toFixed(1)} s after the restore began\n`,
    );
    expect(second.ports).not.toEqual(first.ports);

    const after = await observe(second, all, tokens);
    expect(after).toEqual(before);
    const api2 = apiOf(second);
    const verifyAll = async () => {
      for (const caseNumber of all) {
        const verification = await api2.call('GET', `/cases/${caseNumber}/verification`, clerk);
        expect(verification.body).toMatchObject({ caseNumber, verified: true, headSource: 'workflow' });
      }
    };
    await verifyAll();
    // The clients' retries (same Idempotency-Key) complete what the backup caught half-way; then every
    // case the load registered has its workflow, and its chain verifies against it.
    const loadCases = new Set<string>();
    for (const [key, body] of sent) {
      const answer = await registerOverHttp(second, loadToken, key, body);
      expect([200, 201]).toContain(answer.status);
      loadCases.add(answer.caseNumber!);
    }
    expect(loadCases.size).toBe(sent.size);
    for (const caseNumber of loadCases) {
      const verification = await api2.call('GET', `/cases/${caseNumber}/verification`, loadToken);
      expect(verification.body).toMatchObject({ caseNumber, verified: true, headSource: 'workflow' });
    }
    const revealed = await api2.call('POST', `/cases/${waiting[0]}/petitioner/reveal`, clerk, {
      reason: '恢复演练核对',
    });
    expect(revealed.body).toMatchObject({
      name: '孙二',
      idNumber: '11010519491231002X',
      phone: '13900000001',
      address: '示例区幸福路1号',
    });

    // The warning set before the backup fires on the restored stack …
    const warned = async () =>
      Number(
        (
          await second.owner.query(
            `SELECT count(DISTINCT case_number)::int AS n FROM case_events WHERE type = 'deadlineWarning' AND case_number = ANY($1)`,
            [waiting],
          )
        )[0].n,
      );
    expect(await warned()).toBe(0);
    const deadline = Date.now() + WARNING_AFTER_BACKUP_MS + 90_000;
    while ((await warned()) < waiting.length && Date.now() < deadline) await sleep(2000);
    expect(await warned()).toBe(waiting.length);

    // … and every open case takes its next action.
    for (const caseNumber of waiting)
      expect((await api2.call('POST', `/cases/${caseNumber}/actions/accept`, clerk, {})).status).toBe(200);
    for (const caseNumber of [probe, ...accepted]) {
      const withdrawn = await api2.call('POST', `/cases/${caseNumber}/actions/withdraw`, clerk, {
        reason: '信访人主动撤回。',
      });
      expect(withdrawn.status).toBe(200);
    }
    expect((await observe(second, all, tokens)).statuses).toEqual(
      Object.fromEntries(
        all.map((caseNumber) => [caseNumber, waiting.includes(caseNumber) ? 'accepted' : 'withdrawn']),
      ),
    );
    await verifyAll();
  });
});
