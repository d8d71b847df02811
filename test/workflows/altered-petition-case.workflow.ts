/**
 * TEST ONLY — a deliberately altered `petitionCase`, as a careless change would leave it: a short timer
 * before anything else, added without patched(). Same name, input and behaviour afterwards, but the
 * commands it issues no longer match a history recorded by the real workflow, so test/replay.test.ts
 * expects replaying a committed fixture against it to fail with a DeterminismViolationError.
 * It wraps the real workflow rather than copying it, so it stays a one-change variant of the current code.
 */
import { sleep } from '@temporalio/workflow';
import {
  type PetitionCaseInput,
  petitionCase as realPetitionCase,
} from '../../workflows/petition-case.workflow';

export async function petitionCase(input: PetitionCaseInput): Promise<void> {
  await sleep('1 second');
  return realPetitionCase(input);
}
