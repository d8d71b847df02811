import { type Client } from '@temporalio/client';
import { type DataSource } from 'typeorm';
import { caseWorkflowId } from '../workflows/workflow-ids';
import { postJson } from './support/http';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';
import {
  createUnit,
  type RunningApi,
  startApiApp,
  startTestStack,
  type TestStack,
  uniqueId,
} from './support/stack';

/** Several API instances must agree on an Idempotency-Key: the key lives in PostgreSQL under a unique constraint. */
describe('Idempotency-Key across two API instances', () => {
  let stack: TestStack;
  let apis: RunningApi[];
  let db: DataSource;
  let temporal: Client;
  let unitCode: string;
  let clerk: SignedIn;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ db, temporal } = stack);
    unitCode = await createUnit(db);
    apis = [stack.api, await startApiApp()];
    clerk = await signIn(stack, unitCode, ['clerk'], '登记员');
  });

  afterAll(async () => {
    await apis?.[1]?.app.close();
    await stack?.close();
  });

  const petition = {
    channel: 'letter',
    petitioner: { name: '李四' },
    category: 'suggestion',
    subject: '路灯维修',
    content: '小区路灯损坏已久。',
    unitCode: '',
  };

  it('five concurrent submissions with one key → one case, one workflow, one CaseRegistered event', async () => {
    const key = `key-${uniqueId(12)}`;
    const body = { ...petition, unitCode };
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        postJson(`${apis[i % 2]!.url}/cases`, body, { ...bearer(clerk), 'Idempotency-Key': key }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    const numbers = new Set(responses.map((r) => r.body.caseNumber));
    expect(numbers.size).toBe(1);
    const [caseNumber] = [...numbers] as string[];

    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM case_submissions WHERE unit_code = $1)::int AS submissions,
              (SELECT count(*) FROM cases WHERE unit_code = $1)::int AS cases,
              (SELECT count(*) FROM case_events WHERE case_number = $2 AND type = 'caseRegistered')::int AS registered`,
      [unitCode, caseNumber],
    );
    expect(counts).toEqual({ submissions: 1, cases: 1, registered: 1 });

    const workflows = [];
    for await (const execution of temporal.workflow.list({
      query: `WorkflowId STARTS_WITH "${caseWorkflowId(`${unitCode}-`)}"`,
    })) {
      workflows.push(execution.workflowId);
    }
    expect(workflows).toEqual([caseWorkflowId(caseNumber!)]);
  });

  it('the same key with another body → 422 and nothing new', async () => {
    const key = `key-${uniqueId(12)}`;
    const first = await postJson(
      `${apis[0]!.url}/cases`,
      { ...petition, unitCode },
      { ...bearer(clerk), 'Idempotency-Key': key },
    );
    expect(first.status).toBe(201);
    const [before] = await db.query(`SELECT count(*)::int AS n FROM case_submissions WHERE unit_code = $1`, [
      unitCode,
    ]);
    const second = await postJson(
      `${apis[1]!.url}/cases`,
      { ...petition, unitCode, subject: '另一件事' },
      { ...bearer(clerk), 'Idempotency-Key': key },
    );
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      fields: [{ field: 'Idempotency-Key' }],
    });
    const [after] = await db.query(`SELECT count(*)::int AS n FROM case_submissions WHERE unit_code = $1`, [
      unitCode,
    ]);
    expect(after.n).toBe(before.n);
  });

  it('a malformed key → 400', async () => {
    const response = await postJson(
      `${apis[0]!.url}/cases`,
      { ...petition, unitCode },
      { ...bearer(clerk), 'Idempotency-Key': 'x'.repeat(201) },
    );
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});
