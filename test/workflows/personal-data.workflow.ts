import {
  ApplicationFailure,
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';

/**
 * TEST ONLY. The case workflow carries references, never personal data; these workflows carry it on purpose,
 * through every path a payload can take into the history (input, memo, activity arguments and results,
 * local-activity markers, heartbeats, retried and final activity failures, Update arguments, results and
 * failures, Signals, workflow results and failures, workflow-task failures), so the leak test can prove
 * the codec covers all of them.
 */
export interface PersonalData {
  name: string;
  idNumber: string;
  phone: string;
  address: string;
}

export interface PersonalDataActivities {
  storeContact(person: PersonalData): Promise<{ stored: string; phone: string }>;
  /** Fails its first attempt (after a heartbeat with the phone) with the ID number in the message. */
  flakyLookup(person: PersonalData): Promise<string>;
  /** Always fails, non-retryable, with the ID number in the message and the person in the details. */
  rejectContact(person: PersonalData): Promise<never>;
}

/** A valid mobile number is accepted; the validator rejects anything else with a typed code. */
export const correctPhoneUpdate = defineUpdate<string, [string]>('correctPhone');
export const noteSignal = defineSignal<[string]>('note');
export const finishSignal = defineSignal('finish');

/** Accepted by the validator, then failed by the handler: the Update's failure goes into the history. */
export const FAILING_PHONE = '13800000000';

const { storeContact, flakyLookup, rejectContact } = proxyActivities<PersonalDataActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '100 milliseconds', maximumAttempts: 3 },
});
const local = proxyLocalActivities<PersonalDataActivities>({ startToCloseTimeout: '10 seconds' });

export async function personalDataRoundTrip(person: PersonalData): Promise<{
  stored: string;
  locallyStored: string;
  lookedUp: string;
  rejection: string;
  phones: string[];
  notes: string[];
}> {
  const phones: string[] = [];
  const notes: string[] = [];
  let finished = false;
  setHandler(
    correctPhoneUpdate,
    (phone) => {
      if (phone === FAILING_PHONE) {
        throw ApplicationFailure.create({
          type: 'PHONE_UPDATE_FAILED',
          message: `更正失败 / update failed for ${person.idNumber}`,
          nonRetryable: true,
        });
      }
      phones.push(phone);
      return `${person.name} ${phone}`;
    },
    {
      validator: (phone) => {
        if (!/^1\d{10}$/.test(phone)) {
          throw ApplicationFailure.create({
            type: 'PHONE_INVALID',
            message: `手机号无效 / invalid phone ${phone} for ${person.idNumber}`,
            nonRetryable: true,
            details: [{ code: 'PHONE_INVALID', kind: 'invalid', field: 'phone' }],
          });
        }
      },
    },
  );
  setHandler(noteSignal, (note) => void notes.push(note));
  setHandler(finishSignal, () => void (finished = true));

  const stored = await storeContact(person);
  const locallyStored = await local.storeContact(person);
  const lookedUp = await flakyLookup(person);
  let rejection = '';
  try {
    await rejectContact(person);
  } catch (error) {
    rejection = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  }
  await condition(() => finished);
  return { stored: stored.stored, locallyStored: locallyStored.stored, lookedUp, rejection, phones, notes };
}

/** Fails the workflow with the personal data in the message and the details. */
export async function personalDataFailure(person: PersonalData): Promise<never> {
  throw ApplicationFailure.create({
    type: 'PERSONAL_DATA_PROBE',
    message: `无法处理 / cannot process ${person.idNumber}, ${person.phone}`,
    nonRetryable: true,
    details: [person],
  });
}

/** A bug: a plain Error fails the workflow task (WorkflowTaskFailed in the history), retried until terminated. */
export async function personalDataTaskFailure(person: PersonalData): Promise<void> {
  throw new TypeError(`cannot read ${person.idNumber} at ${person.address}`);
}
