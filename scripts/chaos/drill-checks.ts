import { loadCaseEvents, verifyChain } from '../../libs/persistence/src';
import { caseWorkflowId } from '../../workflows/workflow-ids';
import { type BenchStack, sleep } from '../bench/bench-stack';
import { type Acknowledgement } from './drill-clients';

/**
 * What the drill promises, checked against PostgreSQL and Temporal once the faults are over: every
 * acknowledged submission has exactly one case row, one workflow and one CaseRegistered event, reached
 * its planned state, and its hash chain verifies up to the head the read model holds.
 */
export interface DrillFindings {
  acknowledged: number;
  lost: number;
  duplicated: number;
  wrongState: number;
  brokenChains: number;
  /** Up to ten examples of each problem, for the report. */
  problems: string[];
}

interface CaseRow {
  case_number: string;
  status: string;
  event_count: number;
  last_event_hash: string;
}

/** Waits (up to `settleMs`) until every case shows its planned status in the read model. */
export async function waitForPlannedStates(
  stack: BenchStack,
  acknowledged: Acknowledgement[],
  settleMs: number,
): Promise<void> {
  const deadline = Date.now() + settleMs;
  const planned = new Map(acknowledged.map((ack) => [ack.caseNumber, ack.planned as string]));
  while (Date.now() < deadline) {
    const rows: CaseRow[] = await stack.owner.query(`SELECT case_number, status FROM cases`).catch(() => []);
    const reached = rows.filter((row) => planned.get(row.case_number) === row.status).length;
    if (reached === planned.size) return;
    await sleep(1000);
  }
}

export async function checkDrill(stack: BenchStack, acknowledged: Acknowledgement[]): Promise<DrillFindings> {
  const problems: string[] = [];
  const note = (problem: string) => problems.length < 10 && problems.push(problem);
  let lost = 0;
  let duplicated = 0;
  let wrongState = 0;
  let brokenChains = 0;

  const submissions: { case_number: string; key: string | null }[] = await stack.owner.query(
    `SELECT s.case_number, k.key FROM case_submissions s LEFT JOIN idempotency_keys k ON k.case_number = s.case_number`,
  );
  const rows = new Map(
    (
      (await stack.owner.query(
        `SELECT case_number, status, event_count, last_event_hash FROM cases`,
      )) as CaseRow[]
    ).map((row) => [row.case_number, row]),
  );
  const registeredEvents = new Map<string, number>(
    (
      (await stack.owner.query(
        `SELECT case_number, count(*)::int AS n FROM case_events WHERE type = 'caseRegistered' GROUP BY case_number`,
      )) as { case_number: string; n: number }[]
    ).map((row) => [row.case_number, row.n]),
  );
  // A stored submission no client was answered with, or a key answered with two case numbers: doubled.
  const acknowledgedNumbers = new Set(acknowledged.map((ack) => ack.caseNumber));
  for (const submission of submissions) {
    if (!acknowledgedNumbers.has(submission.case_number)) {
      duplicated++;
      note(
        `submission ${submission.case_number} (key ${submission.key}) was never acknowledged as that key's case`,
      );
    }
  }
  const workflowCount = Number((await stack.temporal.workflow.count(`WorkflowType = "petitionCase"`)).count);
  if (workflowCount > acknowledged.length) {
    duplicated += workflowCount - acknowledged.length;
    note(`${workflowCount} case workflows for ${acknowledged.length} acknowledged cases`);
  }
  for (const ack of acknowledged) {
    if (ack.answers.size > 1) {
      duplicated++;
      note(`key ${ack.key} answered with ${[...ack.answers].join(', ')}`);
    }
    const row = rows.get(ack.caseNumber);
    const registered = registeredEvents.get(ack.caseNumber) ?? 0;
    const workflow = await stack.temporal.workflow
      .getHandle(caseWorkflowId(ack.caseNumber))
      .describe()
      .then(() => true)
      .catch(() => false);
    if (!row || registered === 0 || !workflow) {
      lost++;
      note(`${ack.caseNumber}: case row ${!!row}, CaseRegistered ${registered}, workflow ${workflow}`);
      continue;
    }
    if (registered > 1) {
      duplicated++;
      note(`${ack.caseNumber}: ${registered} CaseRegistered events`);
    }
    if (row.status !== ack.planned) {
      wrongState++;
      note(`${ack.caseNumber}: status ${row.status}, planned ${ack.planned}`);
    }
    const chain = verifyChain(ack.caseNumber, await loadCaseEvents(stack.owner, ack.caseNumber), {
      count: row.event_count,
      lastHash: row.last_event_hash,
    });
    if (!chain.verified) {
      brokenChains++;
      note(`${ack.caseNumber}: chain broken at #${chain.firstBreak?.seq} (${chain.firstBreak?.problem})`);
    }
  }
  return { acknowledged: acknowledged.length, lost, duplicated, wrongState, brokenChains, problems };
}
