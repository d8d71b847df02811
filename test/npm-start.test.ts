import { type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import getPort from 'get-port';
import { isPortOpen } from '../libs/temporal/src';
import { totpCode } from '../apps/api/src/auth/totp';
import { callApi, getJson } from './support/http';
import { descendants, interruptLauncher, killHard as kill, spawnLauncher } from './support/launcher';
import { FIRST_LOGIN_PASSWORD, firstLogin } from './support/staff-sessions';

/** Spawns the real `npm start` twice on a data folder of its own: up, register, Ctrl-C, nothing left, up again, case still there. */
describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-start-'));
  let ports: { api: number; postgres: number; temporal: number; public: number };
  let output = '';

  beforeAll(async () => {
    fs.chmodSync(dataDir, 0o755);
    ports = {
      api: await getPort(),
      postgres: await getPort(),
      temporal: await getPort(),
      public: await getPort(),
    };
  });

  const started: ChildProcess[] = [];

  afterAll(() => {
    // Whatever happened above, leave nothing running.
    for (const child of started) for (const pid of [child.pid!, ...descendants(child.pid!)]) kill(pid);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function start(): ChildProcess {
    const launcher = spawnLauncher(['start'], {
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      PG_PORT: String(ports.postgres),
      TEMPORAL_PORT: String(ports.temporal),
      PUBLIC_PORT: String(ports.public),
      TEMPORAL_HEADLESS: 'true',
    });
    started.push(launcher.child);
    // Appended, not replaced: the test clears `output` between the two starts.
    launcher.child.stdout!.on('data', (chunk) => (output += chunk));
    launcher.child.stderr!.on('data', (chunk) => (output += chunk));
    return launcher.child;
  }

  /** Until the launcher prints its ready line (API healthy and worker polling), then health must say both up. */
  async function waitReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (output.includes('就绪 / ready')) {
        const health = await getJson(`http://127.0.0.1:${ports.api}/api/health`);
        expect(health.body.info).toEqual({
          postgres: { status: 'up' },
          temporal: expect.objectContaining({ status: 'up' }),
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`not healthy in time:\n${output}`);
  }

  async function interruptAndCheckNothingLeft(child: ChildProcess): Promise<void> {
    expect(descendants(child.pid!).length).toBeGreaterThanOrEqual(6); // launcher, postgres host + server, temporal, worker, api, public
    expect(await interruptLauncher(child, 30_000)).toEqual([]);
    for (const port of Object.values(ports)) expect(await isPortOpen(port)).toBe(false);
    expect(output).toContain('已停止 / stopped');
  }

  it('comes up healthy, stops cleanly on Ctrl-C, and finds its data on the next start', async () => {
    const first = start();
    await waitReady(first);
    expect(output).toMatch(/API 文档 docs: http:\/\/127\.0\.0\.1:\d+\/api\/docs/);
    expect(output).toContain(`进度查询 public progress query: http://127.0.0.1:${ports.public}/`);
    expect((await fetch(`http://127.0.0.1:${ports.public}/`)).status).toBe(200);
    // The first start seeds an administrator and shows the one-time password once; logging in with it
    // leads straight to the forced password change.
    // It comes last, framed, after every start-up line (no route listing pushes it away).
    for (let waited = 0; !output.includes('one-time password') && waited < 10_000; waited += 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(output.indexOf('one-time password')).toBeGreaterThan(output.indexOf('按 Ctrl-C 停止'));
    expect(output).toMatch(/={78}\n\[start\]\s+初始管理员[^\n]*\n[^\n]*\n\[start\] ={78}/);
    expect(output).not.toMatch(/RouterExplorer|RoutesResolver|Mapped \{/);
    const admin = /initial administrator: (\S+)\s+初始密码 \/ one-time password: (\S+)/.exec(output);
    expect(admin).not.toBeNull();
    // The administrator's first login changes the password and enrols TOTP, then creates a clerk, whose
    // own first login does the same; the clerk registers a case.
    const api = { url: `http://127.0.0.1:${ports.api}/api` };
    const adminSession = await firstLogin(api, admin![1]!, admin![2]!);
    const docs = await fetch(`${api.url}/docs`);
    expect(docs.status).toBe(200);
    const clerk = await callApi(
      api,
      'POST',
      '/admin/users',
      {
        username: 'clerk.qx',
        name: '登记员',
        unitCode: 'QX',
        roles: ['clerk'],
      },
      adminSession.token,
    );
    expect(clerk.status).toBe(201);
    const clerkSession = await firstLogin(api, 'clerk.qx', clerk.body.oneTimePassword);
    const created = await callApi(
      api,
      'POST',
      '/cases',
      {
        channel: 'online',
        petitioner: { name: '赵六' },
        category: 'grievance',
        subject: '重启后仍在 / survives restart',
        content: '测试数据持久化。',
        unitCode: 'QX',
      },
      clerkSession.token,
    );
    expect(created.status).toBe(201);
    await interruptAndCheckNothingLeft(first);

    output = '';
    const second = start();
    await waitReady(second);
    expect(output).not.toContain('one-time password');
    // The clerk logs in again (password and TOTP) after the restart and finds the case.
    const again = await callApi(api, 'POST', '/auth/login', {
      username: 'clerk.qx',
      password: FIRST_LOGIN_PASSWORD,
    });
    const session = await callApi(api, 'POST', '/auth/totp', {
      challenge: again.body.challenge,
      code: totpCode(clerkSession.secret, Date.now() + 30_000),
    });
    const found = await callApi(
      api,
      'GET',
      `/cases/${created.body.caseNumber}`,
      undefined,
      session.body.accessToken,
    );
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      caseNumber: created.body.caseNumber,
      subject: '重启后仍在 / survives restart',
      status: 'registered',
    });
    await interruptAndCheckNothingLeft(second);
  }, 400_000);
});
