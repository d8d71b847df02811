import { type BenchStack, sleep } from '../bench/bench-stack';
import { registerOverHttp, registrationBody } from '../bench/intake-units';

/**
 * The drill's clients: each registers its share of the cases and takes each to a planned state,
 * retrying after every error (same Idempotency-Key for a registration) until it is acknowledged.
 */
export type PlannedState = 'registered' | 'accepted' | 'notAccepted' | 'withdrawn';

const PLANS: PlannedState[] = ['registered', 'accepted', 'notAccepted', 'withdrawn'];

export function plannedState(index: number): PlannedState {
  return PLANS[index % PLANS.length]!;
}

/** The staff actions that take a registered case to its planned state, in order. */
function actionsFor(state: PlannedState): { action: string; body: object; leavesStatus: string }[] {
  const accept = { action: 'accept', body: {}, leavesStatus: 'accepted' };
  switch (state) {
    case 'registered':
      return [];
    case 'accepted':
      return [accept];
    case 'notAccepted':
      return [
        {
          action: 'notAccept',
          body: {
            reason: 'lawfulChannel',
            explanation: '属劳动争议，应申请劳动仲裁。',
            legalChannel: '劳动人事争议仲裁委员会',
          },
          leavesStatus: 'notAccepted',
        },
      ];
    case 'withdrawn':
      return [
        accept,
        { action: 'withdraw', body: { reason: '信访人主动撤回。' }, leavesStatus: 'withdrawn' },
      ];
  }
}

export interface Acknowledgement {
  index: number;
  key: string;
  caseNumber: string;
  planned: PlannedState;
  /** Every case number the API answered for this key (more than one would be a duplicate). */
  answers: Set<string>;
}

export interface ClientTally {
  acknowledged: Map<string, Acknowledgement>;
  retries: number;
  errors: Map<string, number>;
  done: number;
}

const REQUEST_TIMEOUT_MS = 60_000;

function noteError(tally: ClientTally, what: string): void {
  tally.retries++;
  tally.errors.set(what, (tally.errors.get(what) ?? 0) + 1);
}

async function withRetries<T>(
  tally: ClientTally,
  until: number,
  attempt: () => Promise<{ done: true; value: T } | { done: false; error: string }>,
): Promise<T> {
  let wait = 300;
  for (;;) {
    let outcome: { done: true; value: T } | { done: false; error: string };
    try {
      outcome = await attempt();
    } catch (error) {
      outcome = { done: false, error: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
    }
    if (outcome.done) return outcome.value;
    noteError(tally, outcome.error);
    if (Date.now() > until) throw new Error(`gave up after the drill's time limit (${outcome.error})`);
    await sleep(wait);
    wait = Math.min(3000, wait * 2);
  }
}

async function statusOf(stack: BenchStack, token: string, caseNumber: string): Promise<string | undefined> {
  const response = await fetch(`${stack.apiUrl}/api/cases/${encodeURIComponent(caseNumber)}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) return undefined;
  return ((await response.json()) as { status?: string }).status;
}

/** One case, start to planned state. */
async function driveCase(
  stack: BenchStack,
  token: string,
  unitCode: string,
  run: string,
  index: number,
  tally: ClientTally,
  until: number,
): Promise<void> {
  const key = `chaos-${run}-${index}`;
  const planned = plannedState(index);
  const body = registrationBody(index, unitCode);
  const answers = new Set<string>();
  const caseNumber = await withRetries(tally, until, async () => {
    const answer = await registerOverHttp(stack, token, key, body, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    if ((answer.status === 201 || answer.status === 200) && answer.caseNumber) {
      answers.add(answer.caseNumber);
      return { done: true, value: answer.caseNumber };
    }
    return { done: false, error: `register ${answer.status} ${answer.code ?? ''}`.trim() };
  });
  tally.acknowledged.set(key, { index, key, caseNumber, planned, answers });
  let failedBefore = false;
  for (const step of actionsFor(planned)) {
    await withRetries(tally, until, async () => {
      const response = await fetch(
        `${stack.apiUrl}/api/cases/${encodeURIComponent(caseNumber)}/actions/${step.action}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(step.body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        },
      ).catch((error) => {
        failedBefore = true;
        throw error;
      });
      if (response.ok) return { done: true, value: undefined };
      // After an error the action may have gone through: the case already where this step leaves it.
      if (
        response.status === 409 &&
        failedBefore &&
        (await statusOf(stack, token, caseNumber)) === step.leavesStatus
      )
        return { done: true, value: undefined };
      failedBefore = true;
      const { code } = (await response.json().catch(() => ({}))) as { code?: string };
      return { done: false, error: `${step.action} ${response.status} ${code ?? ''}`.trim() };
    });
  }
  tally.done++;
}

export interface ClientPlan {
  run: string;
  cases: number;
  /** One entry per client: the unit its clerk works in and the clerk's token. */
  clients: { unitCode: string; token: string }[];
  /** Clients give up (and the drill fails) past this time (ms since epoch). */
  until: number;
}

export async function runClients(stack: BenchStack, plan: ClientPlan, tally: ClientTally): Promise<void> {
  await Promise.all(
    plan.clients.map(async (client, k) => {
      for (let index = k; index < plan.cases; index += plan.clients.length)
        await driveCase(stack, client.token, client.unitCode, plan.run, index, tally, plan.until);
    }),
  );
}
