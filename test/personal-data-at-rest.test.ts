import { Client, Connection } from '@temporalio/client';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { captureOutput } from './support/captured-output';
import { postJson } from './support/http';
import { ALL_LOGS, startTestStack, type TestStack, uniqueId } from './support/stack';
import { bearer, signIn } from './support/staff-sessions';
import { testServers } from './support/test-env';

const ID_NUMBER = '44030419900307001' + '8';
const PHONE = '13811112222';
const ADDRESS = '示例区滨河街道和平里7号楼';
const SENTINELS = [ID_NUMBER, PHONE, ADDRESS];

function leaked(text: string): string[] {
  return SENTINELS.filter(
    (sentinel) => text.includes(sentinel) || text.includes(Buffer.from(sentinel).toString('base64')),
  );
}

/**
 * After a whole scenario (registration with the petitioner's details, staff actions, a reveal), the
 * database, the application's log output and the raw workflow history hold no plain ID number, phone
 * or address. (The Temporal database file is scanned by the personal-data-leak test.)
 */
describe('personal data at rest and in logs', () => {
  let stack: TestStack;
  let captured: ReturnType<typeof captureOutput>;

  beforeAll(async () => {
    // Tee everything the apps print for the scan below.
    captured = captureOutput();
    stack = await startTestStack(ALL_LOGS);
  });

  afterAll(async () => {
    captured.restore();
    await stack?.close();
  });

  it('finds none of the petitioner’s numbers in the database dump, the logs or the raw history', async () => {
    const unit = `P${uniqueId(6)}`;
    await stack.db.query(`INSERT INTO units (code, name, level) VALUES ($1, '泄露测试区', 'district')`, [
      unit,
    ]);
    const clerk = await signIn(stack, unit, ['clerk'], '登记员');
    const created = await postJson(
      `${stack.api.url}/cases`,
      {
        channel: 'visit',
        petitioner: { name: '王十二', idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS },
        category: 'grievance',
        subject: '物业纠纷',
        content: '小区物业乱收费。',
        unitCode: unit,
      },
      bearer(clerk),
    );
    expect(created.status).toBe(201);
    const caseNumber = created.body.caseNumber as string;
    const accept = await fetch(`${stack.api.url}/cases/${caseNumber}/actions/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk.token}` },
      body: '{}',
    });
    expect(accept.status).toBe(200);
    const reveal = await fetch(`${stack.api.url}/cases/${caseNumber}/petitioner/reveal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk.token}` },
      body: JSON.stringify({ reason: '核对联系方式' }),
    });
    expect(await reveal.json()).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE }); // the one place it may appear

    // The database: every row of every table, as text.
    const tables: { table_name: string }[] = await stack.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name } of tables) {
      const rows: { row: string }[] = await stack.db.query(
        `SELECT row_to_json(t)::text AS row FROM "${table_name}" t`,
      );
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain(caseNumber); // the dump really holds the case
    expect(leaked(dump)).toEqual([]);

    // The raw history, read without the codec.
    const servers = testServers();
    const raw = new Client({
      connection: await Connection.connect({ address: servers.temporalAddress }),
      namespace: servers.temporalNamespace,
    });
    try {
      const history = await raw.workflowService.getWorkflowExecutionHistory({
        namespace: servers.temporalNamespace,
        execution: { workflowId: caseWorkflowId(caseNumber) },
      });
      const bytes = JSON.stringify(history.history?.events ?? []);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(leaked(bytes)).toEqual([]);
    } finally {
      await raw.connection.close();
    }

    // Everything the apps printed meanwhile.
    expect(captured.text().length).toBeGreaterThan(0);
    expect(leaked(captured.text())).toEqual([]);
  });
});
