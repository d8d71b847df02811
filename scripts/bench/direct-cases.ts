import { type Calendar } from '../../libs/domain/src/clock/calendar';
import { type Policy } from '../../libs/domain/src/policy/policy';
import { loadDirectory, loadUnitTree } from '../../libs/persistence/src';
import { type PetitionCaseInput, registrationRecordedUpdate } from '../../workflows/case-messages';
import { petitionCase } from '../../workflows/petition-case.workflow';
import { caseWorkflowId } from '../../workflows/workflow-ids';
import { type BenchStack } from './bench-stack';

/**
 * Many open cases quickly, for benches that measure what happens after intake (timers, idle capacity):
 * the submission rows written in one statement, then each real `petitionCase` workflow started on the
 * product's task queue and worker and answered once its CaseRegistered event is in PostgreSQL. The
 * HTTP path of a registration is the intake bench's subject, not these.
 */
export const BENCH_CALENDAR: Calendar = {
  version: 'bench-every-day',
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: [],
  holidays: [],
  makeupWorkdays: [],
};

const UNIT = 'QX';

export function directCaseNumber(run: string, index: number): string {
  return `${UNIT}-B${run}-${String(index).padStart(6, '0')}`;
}

export interface DirectCases {
  run: string;
  count: number;
  receivedAt: Date;
  /** The policy of case `index`. */
  policyOf: (index: number) => Policy;
}

export async function insertSubmissions(stack: BenchStack, cases: DirectCases): Promise<void> {
  await stack.owner.query(
    `INSERT INTO case_submissions (case_number, channel, category, subject, content, petitioner_name, unit_code, registering_unit_code, received_at, submitted_at)
     SELECT $1 || '-B' || $2 || '-' || lpad(i::text, 6, '0'), 'visit', 'grievance', '小区排水问题', '小区雨水管网堵塞，请求协调维修。', '王五', $1, $1, $3, now()
     FROM generate_series(0, $4::int - 1) i`,
    [UNIT, cases.run, cases.receivedAt, cases.count],
  );
}

/** Starts one case's workflow and waits for its registration to be recorded. */
export async function startDirectCase(
  stack: BenchStack,
  cases: DirectCases,
  context: Pick<PetitionCaseInput, 'unitTree' | 'directory'>,
  index: number,
): Promise<void> {
  const caseNumber = directCaseNumber(cases.run, index);
  const input: PetitionCaseInput = {
    register: {
      type: 'register',
      caseNumber,
      category: 'grievance',
      channel: 'visit',
      receivedAt: cases.receivedAt.toISOString(),
      subject: '小区排水问题',
      matterUnitCode: UNIT,
      petitionerRefs: [`case_submissions/${caseNumber}#petitioner`],
    },
    registeredBy: { userId: 'qx-clerk-1', name: '登记员', role: 'clerk', unitCode: UNIT },
    policy: cases.policyOf(index),
    calendar: BENCH_CALENDAR,
    ...context,
  };
  const handle = await stack.temporal.workflow.start(petitionCase, {
    workflowId: caseWorkflowId(caseNumber),
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    args: [input],
  });
  await handle.executeUpdate(registrationRecordedUpdate);
}

export async function caseContext(
  stack: BenchStack,
): Promise<Pick<PetitionCaseInput, 'unitTree' | 'directory'>> {
  const unitTree = await loadUnitTree(stack.owner.manager, UNIT, stack.config.BODIES_ABOVE_TOP);
  const directory = await loadDirectory(
    stack.owner.manager,
    unitTree.units.map((unit) => unit.code),
  );
  return { unitTree, directory };
}
