import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { STAFF_ACTION_TYPES } from '../apps/api/src/actions/action-dtos';
import { ensureSchemathesis } from '../scripts/schemathesis';
import { callApi } from './support/http';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';
import { createUnit, startTestStack, type TestStack } from './support/stack';

/**
 * schemathesis against the served document (/api/docs-json) of a running stack: generated valid and
 * invalid requests to every operation, logged in, checking that none answers 5xx and that every
 * answer matches the schema the document gives for its status (bodies, and the error codes).
 * Bounded: a few examples per operation and a time budget per run.
 */
const CHECKS = 'not_a_server_error,response_schema_conformance,status_code_conformance';
const MAX_EXAMPLES = '6';
/** A longer hunt: SCHEMATHESIS_MAX_TIME=600 SCHEMATHESIS_SEED=<n> npx jest test/openapi-conformance.test.ts */
const MAX_SECONDS = process.env.SCHEMATHESIS_MAX_TIME ?? '30';
const SEED = process.env.SCHEMATHESIS_SEED ?? '20261206';
/**
 * Not run: the inbox stream never ends; logout would end the run's own session; a fuzzed notice template is
 * stored for every unit (templates are not per unit), and every later notice of every test file sharing this
 * run's database would carry its characters (the notices tests cover that route).
 */
const NOT_RUN = ['/api/inbox/stream', '/api/auth/logout', '/api/admin/notice-templates/{kind}'];

interface Run {
  exitCode: number;
  output: string;
}

function schemathesis(args: string[], cwd: string): Promise<Run> {
  const executable = ensureSchemathesis();
  return new Promise((resolve, reject) => {
    // Its own working folder: schemathesis keeps a .schemathesis cache in the one it runs in.
    const child = spawn(executable, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, output }));
  });
}

describe('the API against its own OpenAPI document (schemathesis)', () => {
  let stack: TestStack;
  let staff: SignedIn;
  let admin: SignedIn;
  let reportDir: string;

  beforeAll(async () => {
    ensureSchemathesis(); // installs the pinned version into the project's venv when missing
    stack = await startTestStack();
    const unitCode = await createUnit(stack.db, '模式测试单位');
    staff = await signIn(stack, unitCode, ['clerk', 'handler', 'unitLeader', 'supervisor'], '测试员');
    admin = await signIn(stack, unitCode, ['admin'], '管理员');
    // One real case, so the list, the inbox and the figures answer with rows, not only empty pages.
    const registered = await callApi(
      stack.api,
      'POST',
      '/cases',
      {
        channel: 'visit',
        petitioner: { name: '张三' },
        category: 'grievance',
        subject: '拖欠工资',
        content: '某公司拖欠农民工工资三个月，请求协调解决。',
        unitCode,
      },
      staff.token,
    );
    expect(registered.status).toBe(201);
    reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-schemathesis-'));
    // Half the generated case numbers and action names are real ones, so requests reach past the 404s.
    fs.writeFileSync(
      path.join(reportDir, 'schemathesis.toml'),
      [
        `[dictionaries.cases]\nvalues = [${JSON.stringify(registered.body.caseNumber)}]`,
        `[dictionaries.actions]\nvalues = ${JSON.stringify(STAFF_ACTION_TYPES)}`,
        '[parameters]',
        '"path.caseNumber" = { dictionary = "cases", probability = 0.5 }',
        '"path.action" = { dictionary = "actions", probability = 0.7 }',
        '',
      ].join('\n\n'),
    );
  }, 600_000);

  afterAll(async () => {
    await stack?.close();
    if (reportDir) fs.rmSync(reportDir, { recursive: true, force: true });
  });

  async function runAs(who: SignedIn, filter: string[], name: string): Promise<Run> {
    const origin = new URL(stack.api.url).origin;
    const run = await schemathesis(
      [
        'run',
        `${origin}/api/docs-json`,
        '--url',
        origin,
        '--header',
        `Authorization: ${bearer(who).authorization}`,
        '--checks',
        CHECKS,
        '--max-examples',
        MAX_EXAMPLES,
        '--max-time',
        MAX_SECONDS,
        '--request-timeout',
        '10',
        '--seed',
        SEED,
        '--workers',
        '2',
        '--phases',
        'examples,coverage,fuzzing',
        '--suppress-health-check',
        'all',
        ...NOT_RUN.flatMap((excluded) => ['--exclude-path', excluded]),
        ...filter,
        '--report',
        'junit',
        '--report-junit-path',
        path.join(reportDir, `${name}.xml`),
      ],
      reportDir,
    );
    // The whole report when something failed (each failure with a curl line to reproduce it).
    const warnings = /={5,} WARNINGS ={5,}([\s\S]*?)={5,} SUMMARY/.exec(run.output)?.[1] ?? '';
    const shown = run.exitCode === 0 ? warnings + run.output.split('\n').slice(-22).join('\n') : run.output;
    process.stdout.write(`schemathesis (${name}):\n${shown}\n`);
    return run;
  }

  it('finds no server error and no answer off its schema, for staff', async () => {
    const run = await runAs(staff, ['--exclude-path-regex', '^/api/admin/'], 'staff');
    expect(run.output).toMatch(/No issues found|passed/);
    expect(run.exitCode).toBe(0);
  }, 900_000);

  it('finds no server error and no answer off its schema, for an administrator', async () => {
    const run = await runAs(admin, ['--include-path-regex', '^/api/admin/'], 'admin');
    expect(run.exitCode).toBe(0);
  }, 900_000);

  describe('what it found, kept as plain regressions', () => {
    it('refuses a NUL in a query string with 400 naming the parameter (PostgreSQL cannot compare it)', async () => {
      const response = await fetch(`${stack.api.url}/staff?q=${encodeURIComponent('张\u0000')}`, {
        headers: bearer(staff),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'q', code: 'controlCharacter' }],
      });
    });

    it('refuses a null challenge on the password route with 400, not as if it were absent', async () => {
      const response = await callApi(
        stack.api,
        'POST',
        '/auth/password',
        { challenge: null, newPassword: 'Another-Passw0rd-2026' },
        staff.token,
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'challenge' }] });
    });
  });
});
