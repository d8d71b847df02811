import { type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import getPort from 'get-port';
import { isPortOpen } from '../libs/temporal/src';
import { callApi, getJson } from './support/http';
import { descendants, interruptLauncher, killHard, spawnLauncher } from './support/launcher';
import { firstLogin } from './support/staff-sessions';
import { testServers } from './support/test-env';

/**
 * `npm run cluster` for real, on a data folder and ports of its own: the real Temporal server on the
 * embedded PostgreSQL, two workers and two API instances; a case registered through the second API is
 * read through the first; Ctrl-C leaves nothing running. Runs in `npm run test:server` (TEMPORAL_TARGET=
 * server), where global setup has built or verified the server already; the dev-server run skips it so
 * that `npm run test:integration` never builds the real server.
 */
const onRealServer = testServers().temporalEngine === 'server';

(onRealServer ? describe : describe.skip)('npm run cluster', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-cluster-'));
  const started: ChildProcess[] = [];
  let ports: { api: number; public: number; postgres: number };

  beforeAll(async () => {
    fs.chmodSync(dataDir, 0o755);
    // The second API listens on PORT + 2: pick a PORT whose neighbour is free too.
    let api = await getPort();
    while (!(await portFree(api + 2))) api = await getPort();
    ports = { api, public: await getPort(), postgres: await getPort() };
  });

  afterAll(() => {
    for (const child of started) for (const pid of [child.pid!, ...descendants(child.pid!)]) killHard(pid);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs two workers and two APIs on the real server and stops cleanly on Ctrl-C', async () => {
    const launcher = spawnLauncher(['run', 'cluster'], {
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      PUBLIC_PORT: String(ports.public),
      PG_PORT: String(ports.postgres),
    });
    const { child } = launcher;
    started.push(child);

    const deadline = Date.now() + 200_000;
    while (!launcher.output.includes('one-time password') && Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm run cluster exited early:\n${launcher.output}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(launcher.output).toContain('就绪 / ready: 2 workers, 2 API instances');
    expect(launcher.output).toMatch(
      /Temporal 服务器构建已校验 \/ Temporal server v1\.32\.2 verified \(sha256\)/,
    );
    const address = /real Temporal server on (127\.0\.0\.1:\d+)/.exec(launcher.output)?.[1];
    expect(address).toBeDefined();
    expect(launcher.output).toContain(`Temporal:     ${address} (TEMPORAL_ADDRESS)`);

    const apis = [ports.api, ports.api + 2].map((port) => ({ url: `http://127.0.0.1:${port}/api` }));
    for (const api of apis) {
      const health = await getJson(`${api.url}/health`);
      expect(health.body.info).toEqual({
        postgres: { status: 'up' },
        temporal: { status: 'up', namespace: 'petition' },
      });
    }
    const tree = descendants(child.pid!);
    const commands = tree.map((pid) => commandOf(pid));
    expect(commands.filter((line) => line.includes('apps/worker/src/main.js'))).toHaveLength(2);
    expect(commands.filter((line) => line.includes('apps/api/src/main.js'))).toHaveLength(2);
    expect(
      commands.filter((line) => /temporal-server-v1\.32\.2\/server .*--config-file/.test(line)),
    ).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'temporal-server', 'config.yaml'), 'utf8')).toMatch(
      /numHistoryShards: 4/,
    );

    // Through the second API: the administrator's first login, a clerk, the clerk registers a case;
    // the first API (another process, same database) finds it registered by the workflow.
    const admin = /initial administrator: (\S+)\s+初始密码 \/ one-time password: (\S+)/.exec(
      launcher.output,
    )!;
    const adminSession = await firstLogin(apis[1]!, admin[1]!, admin[2]!);
    const clerk = await callApi(
      apis[1]!,
      'POST',
      '/admin/users',
      { username: 'clerk.qx', name: '登记员', unitCode: 'QX', roles: ['clerk'] },
      adminSession.token,
    );
    expect(clerk.status).toBe(201);
    const clerkSession = await firstLogin(apis[1]!, 'clerk.qx', clerk.body.oneTimePassword);
    const created = await callApi(
      apis[1]!,
      'POST',
      '/cases',
      {
        channel: 'online',
        petitioner: { name: '赵六' },
        category: 'grievance',
        subject: '真实服务器 / on the real server',
        content: '两个工作进程、两个接口实例。',
        unitCode: 'QX',
      },
      clerkSession.token,
    );
    expect(created.status).toBe(201);
    const found = await callApi(
      apis[0]!,
      'GET',
      `/cases/${created.body.caseNumber}`,
      undefined,
      clerkSession.token,
    );
    expect(found.body).toMatchObject({ caseNumber: created.body.caseNumber, status: 'registered' });

    expect(await interruptLauncher(child, 40_000)).toEqual([]);
    for (const port of [
      ports.api,
      ports.api + 2,
      ports.public,
      ports.postgres,
      Number(address!.split(':')[1]),
    ])
      expect(await isPortOpen(port)).toBe(false);
    expect(launcher.output).toContain('已停止 / stopped');
  }, 400_000);
});

async function portFree(port: number): Promise<boolean> {
  return (await getPort({ port })) === port;
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}
