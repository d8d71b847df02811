import { type Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Calendar } from '../libs/domain/src/clock/calendar';
import { DEFAULT_POLICY } from '../libs/domain/src/policy/default-policy';
import { runningClock } from '../libs/domain/src/schedule/running-clock';
import { type FanOutProgress, OPEN_CASES_QUERY, signalOpenCases } from '../libs/temporal/src/case-fanout';
import { DUE_AT } from '../libs/temporal/src/search-attributes';
import { calendarUpdatedSignal } from '../workflows/case-messages';
import { signalCalendar } from '../libs/temporal/src/calendar-publication';
import { parsePublishArgs, readCalendarFile } from '../scripts/publish-calendar';
import {
  type DevCase,
  DevServerHarness,
  endOfShanghaiDay,
  nextWorkingDayAfter,
  type Org,
  plusDays,
  shanghaiDate,
  weekdayCalendar,
  weekdayOf,
} from './support/case-devserver';
import { uniqueId } from './support/stack';

async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Visibility is eventually consistent: wait until the list sees this file's running cases. */
async function waitUntilListed(client: Client, filter: string, count: number): Promise<void> {
  await eventually(
    async () => (await client.workflow.count(`${OPEN_CASES_QUERY} AND ${filter}`)).count,
    (seen) => seen === count,
    `${count} open cases in visibility`,
  );
}

/** The workflow has taken `signals` calendarUpdated signals and finished the tasks they caused. */
async function waitForSignalsHandled(run: DevCase, signals: number): Promise<string[]> {
  const history = await eventually(
    async () => {
      await run.settledHistoryLength();
      return (await run.handle.fetchHistory()).events ?? [];
    },
    (events) =>
      events.filter(
        (event) => event.workflowExecutionSignaledEventAttributes?.signalName === 'calendarUpdated',
      ).length === signals,
    `${signals} calendarUpdated signals on ${run.caseNumber}`,
  );
  return history.map((event) => temporal.api.enums.v1.EventType[event.eventType ?? 0]);
}

/** Next year's holiday table reaches every open case through one batch signal, once per version. */
describe('calendar update fan-out to open cases', () => {
  describe('a new holiday on the handling deadline', () => {
    let harness: DevServerHarness;
    let org: Org;
    let runs: DevCase[];
    let filter: string;
    let toldLastDays: string[];
    let v2: Calendar;
    const id = uniqueId(6);

    beforeAll(async () => {
      harness = await DevServerHarness.start('calendar-fanout');
      org = await harness.createOrg();
      filter = `TaskQueue = "${harness.taskQueue}"`;
      const v1 = weekdayCalendar(`cal-${id}-v1`);
      runs = await Promise.all([1, 2, 3].map(() => harness.startCase(org, { calendar: v1 })));
      await Promise.all(runs.map((run) => run.act({ type: 'accept' }, org.clerkD)));
      toldLastDays = await Promise.all(
        runs.map(async (run) => (await run.snapshot()).clock!.deadline.lastDay),
      );
      // The day each case's handling clock ends becomes a holiday in the newly published table.
      v2 = weekdayCalendar(`cal-${id}-v2`, [...new Set(toldLastDays)]);
      await waitUntilListed(harness.client, filter, 3);
    });

    afterAll(async () => {
      await harness?.stop();
    });

    it('each accepted case runs its 60-day handling clock on a working day under the old calendar', async () => {
      for (const [index, run] of runs.entries()) {
        const { state, clock, calendarVersion } = await run.snapshot();
        expect(calendarVersion).toBe(`cal-${id}-v1`);
        let expected = plusDays(shanghaiDate(Date.parse(state!.acceptedAt!)), 60);
        while (weekdayOf(expected) === 'SAT' || weekdayOf(expected) === 'SUN')
          expected = plusDays(expected, 1);
        expect(clock).toMatchObject({ name: 'handling', deadline: { lastDay: expected } });
        expect(toldLastDays[index]).toBe(expected);
      }
    });

    it('publishing the new version moves every deadline past the holiday: exactly one deadlineRecomputed each', async () => {
      const progress: FanOutProgress[] = [];
      const result = await signalOpenCases(harness.client, calendarUpdatedSignal, [v2], {
        query: filter,
        onProgress: (p) => progress.push(p),
      });

      expect(result).toMatchObject({ strategy: 'batch', total: 3, signalled: 3, failed: 0, gone: 0 });
      expect(result.jobId).toMatch(/^fanout-calendarUpdated-/);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[progress.length - 1]).toEqual({ phase: 'batch', done: 3, total: 3, failed: 0 });

      for (const [index, run] of runs.entries()) {
        const told = toldLastDays[index];
        const moved = nextWorkingDayAfter(told, v2.holidays);
        const events = await eventually(
          () => run.events(),
          (rows) => rows.some((row) => row.type === 'deadlineRecomputed'),
          `deadlineRecomputed on ${run.caseNumber}`,
        );
        expect(events.map((event) => event.type)).toEqual([
          'caseRegistered',
          'caseAccepted',
          'deadlineRecomputed',
        ]);
        expect(events[2]).toMatchObject({
          actorId: 'system:engine',
          payload: {
            status: 'accepted',
            clock: 'handling',
            cause: 'calendarUpdated',
            calendarVersion: v2.version,
            previousEndsAt: endOfShanghaiDay(told),
            endsAt: endOfShanghaiDay(moved),
            lastDay: moved,
          },
        });
        const snapshot = await run.snapshot();
        expect(snapshot.calendarVersion).toBe(v2.version);
        expect(snapshot.clock!.deadline).toEqual({ lastDay: moved, endsAt: endOfShanghaiDay(moved) });
        expect((await run.handle.describe()).typedSearchAttributes.get(DUE_AT)?.toISOString()).toBe(
          endOfShanghaiDay(moved),
        );
        expect(await run.caseRow()).toMatchObject({ status: 'accepted', eventCount: 3 });
      }
    });

    it('publishing the same version again (through the publish script) records nothing', async () => {
      const before = await Promise.all(runs.map((run) => run.events()));
      const lines: string[] = [];
      const result = await signalCalendar(harness.client, v2, {
        query: filter,
        print: (l) => lines.push(l),
      });

      expect(result).toMatchObject({ strategy: 'batch', total: 3, signalled: 3, failed: 0 });
      expect(lines[0]).toBe(`发布日历 / publishing calendar ${v2.version} to open cases`);
      expect(lines[lines.length - 1]).toBe('进度 / progress: batch 3/3');
      for (const [index, run] of runs.entries()) {
        const history = await waitForSignalsHandled(run, 2);
        // The second signal's workflow task scheduled no activity: nothing was recorded, nor will be.
        const secondSignal = history.lastIndexOf('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED');
        expect(history.indexOf('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED')).toBeGreaterThan(0); // the earlier recordings
        expect(secondSignal).toBeGreaterThan(history.indexOf('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED'));
        expect(history.slice(secondSignal)).not.toContain('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
        expect(await run.events()).toEqual(before[index]);
        expect((await run.snapshot()).calendarVersion).toBe(v2.version);
      }
    });

    it("two publications at once: the second waits for the namespace's one batch slot, both reach every case", async () => {
      const [a, b] = [`cal-${id}-v2c`, `cal-${id}-v2d`].map((version) => ({ ...v2, version }));
      const results = await Promise.all(
        [a, b].map((calendar) =>
          signalOpenCases(harness.client, calendarUpdatedSignal, [calendar], { query: filter }),
        ),
      );
      expect(results).toEqual([
        expect.objectContaining({ strategy: 'batch', total: 3, signalled: 3, failed: 0 }),
        expect.objectContaining({ strategy: 'batch', total: 3, signalled: 3, failed: 0 }),
      ]);
      expect(results[0].jobId).not.toBe(results[1].jobId);
      for (const run of runs) {
        await waitForSignalsHandled(run, 4);
        expect([a.version, b.version]).toContain((await run.snapshot()).calendarVersion);
        expect((await run.events()).filter((event) => event.type === 'deadlineRecomputed')).toHaveLength(1);
      }
    });

    it('the list-and-signal pass reaches the same cases; a new version that moves nothing records nothing', async () => {
      const v2b: Calendar = { ...v2, version: `cal-${id}-v2b` };
      const progress: FanOutProgress[] = [];
      const result = await signalOpenCases(harness.client, calendarUpdatedSignal, [v2b], {
        query: filter,
        strategy: 'list',
        concurrency: 2,
        onProgress: (p) => progress.push(p),
      });

      expect(result).toEqual({ strategy: 'list', total: 3, signalled: 3, failed: 0, gone: 0 });
      expect(progress[0]).toEqual({ phase: 'list', done: 0, total: 3, failed: 0 });
      expect(progress[progress.length - 1]).toEqual({ phase: 'list', done: 3, total: 3, failed: 0 });
      for (const run of runs) {
        await waitForSignalsHandled(run, 5);
        expect((await run.snapshot()).calendarVersion).toBe(v2b.version);
        expect((await run.events()).filter((event) => event.type === 'deadlineRecomputed')).toHaveLength(1);
      }
    });
  });

  describe('one case at a time', () => {
    let harness: DevServerHarness;
    let org: Org;

    beforeAll(async () => {
      harness = await DevServerHarness.start('calendar-one');
      org = await harness.createOrg();
    });

    afterAll(async () => {
      await harness?.stop();
    });

    it('a calendar that would move the deadline earlier than the one told on acceptance leaves it where it is', async () => {
      const id = uniqueId(6);
      // Under the old table the 60th day (and the day after, should acceptance fall after midnight) are holidays.
      const sixtiethDay = plusDays(shanghaiDate(Date.now()), 60);
      const holidays = [sixtiethDay, plusDays(sixtiethDay, 1)];
      const run = await harness.startCase(org, { calendar: weekdayCalendar(`cal-${id}-v1`, holidays) });
      await run.act({ type: 'accept' }, org.clerkD);
      const accepted = await run.snapshot();
      const acceptedDay = shanghaiDate(Date.parse(accepted.state!.acceptedAt!));
      const told = accepted.clock!.deadline;
      expect(told.lastDay).toBe(nextWorkingDayAfter(plusDays(acceptedDay, 59), holidays));
      expect(told.lastDay > plusDays(acceptedDay, 60)).toBe(true);

      // The corrected table has no rest days at all: counted afresh, the 60th day itself would be the last.
      const corrected: Calendar = {
        version: `cal-${id}-v3`,
        timeZone: 'Asia/Shanghai',
        weeklyRestDays: [],
        holidays: [],
        makeupWorkdays: [],
      };
      expect(runningClock(accepted.state!, DEFAULT_POLICY, corrected)!.deadline.lastDay).toBe(
        plusDays(acceptedDay, 60),
      );

      const filter = `TaskQueue = "${harness.taskQueue}" AND WorkflowId = "${run.handle.workflowId}"`;
      await waitUntilListed(harness.client, filter, 1);
      const result = await signalOpenCases(harness.client, calendarUpdatedSignal, [corrected], {
        query: filter,
      });
      expect(result).toMatchObject({ total: 1, signalled: 1, failed: 0 });
      await waitForSignalsHandled(run, 1);

      const after = await run.snapshot();
      expect(after.calendarVersion).toBe(corrected.version);
      expect(after.clock!.deadline).toEqual(told);
      expect(await run.eventTypes()).toEqual(['caseRegistered', 'caseAccepted']);
      expect((await run.handle.describe()).typedSearchAttributes.get(DUE_AT)?.toISOString()).toBe(
        told.endsAt,
      );
    });

    // BUG (workflows/petition-case.workflow.ts, calendarUpdatedSignal handler): the signal's calendar is
    // used without validation (parseCalendar). An invalid one (here an unsupported time zone) is stored and
    // its version marked applied; the deadline computation then throws inside the floating
    // `void recordDeadlineChange(...)`, failing the workflow task on every retry: the case stops
    // answering queries and Updates. Any client can send the signal (the fan-out validates; others may not).
    it('a malformed calendar signal is ignored: the case keeps its calendar, answers and acts', async () => {
      const id = uniqueId(6);
      const run = await harness.startCase(org, { calendar: weekdayCalendar(`cal-${id}-v1`) });
      await run.act({ type: 'accept' }, org.clerkD);
      const before = (await run.snapshot()).clock!.deadline;

      await run.handle.signal(calendarUpdatedSignal, {
        version: `cal-${id}-broken`,
        timeZone: 'Mars/Olympus',
        weeklyRestDays: ['SAT', 'SUN'],
        holidays: [],
        makeupWorkdays: [],
      });

      const after = await harness.within(5_000, () => run.snapshot());
      expect(after.calendarVersion).toBe(`cal-${id}-v1`);
      expect(after.clock!.deadline).toEqual(before);
      const instructed = await harness.within(5_000, () =>
        run.act({ type: 'instruct', text: '请尽快办理' }, org.leaderD),
      );
      const types = await run.eventTypes();
      expect(instructed).toEqual({ status: 'accepted', lastSeq: types.length });
      expect(types.slice(0, 2)).toEqual(['caseRegistered', 'caseAccepted']);
      expect(types[types.length - 1]).toBe('instructionGiven');
      expect(types).not.toContain('deadlineRecomputed');
    });
  });

  describe('the publish script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-calendar-'));
    const write = (name: string, content: unknown) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    };
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads a valid calendar file, normalised', () => {
      const file = write('ok.json', {
        version: '2027-official',
        timeZone: 'Asia/Shanghai',
        weeklyRestDays: ['SAT', 'SUN'],
        holidays: ['2027-10-02', '2027-10-01'],
        makeupWorkdays: ['2027-09-26'],
      });
      expect(readCalendarFile(file)).toEqual({
        version: '2027-official',
        timeZone: 'Asia/Shanghai',
        weeklyRestDays: ['SAT', 'SUN'],
        holidays: ['2027-10-01', '2027-10-02'],
        makeupWorkdays: ['2027-09-26'],
      });
    });

    it.each([
      [
        'an invalid date',
        {
          version: 'x',
          timeZone: 'Asia/Shanghai',
          weeklyRestDays: [],
          holidays: ['2027-02-30'],
          makeupWorkdays: [],
        },
        /holidays/,
      ],
      [
        'no version',
        { timeZone: 'Asia/Shanghai', weeklyRestDays: [], holidays: [], makeupWorkdays: [] },
        /version/,
      ],
      ['not JSON', '{"version": ', /cannot read calendar/],
    ])('refuses %s', (_name, content, message) => {
      expect(() => readCalendarFile(write(`bad-${uniqueId()}.json`, content))).toThrow(message);
    });

    it('parses its arguments', () => {
      expect(parsePublishArgs(['--calendar', 'c.json'])).toEqual({
        calendarFile: 'c.json',
        query: undefined,
        strategy: 'auto',
      });
      expect(
        parsePublishArgs(['--calendar', 'c.json', '--query', 'TaskQueue = "q"', '--strategy', 'list']),
      ).toEqual({ calendarFile: 'c.json', query: 'TaskQueue = "q"', strategy: 'list' });
      expect(() => parsePublishArgs([])).toThrow(/--calendar is required/);
      expect(() => parsePublishArgs(['--calendar', 'c.json', '--strategy', 'fast'])).toThrow(/--strategy/);
    });
  });
});
