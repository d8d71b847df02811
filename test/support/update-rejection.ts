import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';

/** What the client sees of a rejected Update: the failure's type (our error code), message and details. */
export interface Rejection {
  type: string | undefined;
  message: string;
  details: unknown[];
}

/** Awaits an Update that must be rejected by the workflow; answers what the client saw. */
export async function rejectionOf(update: Promise<unknown>): Promise<Rejection> {
  try {
    await update;
  } catch (error) {
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
    if (!(error.cause instanceof ApplicationFailure))
      throw new Error(`the Update failed without an ApplicationFailure: ${String(error.cause)}`);
    return {
      type: error.cause.type ?? undefined,
      message: error.cause.message,
      details: error.cause.details ?? [],
    };
  }
  throw new Error('the Update was accepted, expected a rejection');
}
