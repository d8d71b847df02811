import { condition, defineQuery, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

/** A probe for the pinned time-skipping server: a long timer with an Update arriving in the middle. */
export const noteUpdate = defineUpdate<number, [string]>('note');
export const notesQuery = defineQuery<string[]>('notes');

export async function timerWithUpdates(days: number): Promise<{ notes: string[]; timerFiredAt: number }> {
  const notes: string[] = [];
  setHandler(notesQuery, () => notes);
  setHandler(
    noteUpdate,
    (note) => {
      notes.push(note);
      return notes.length;
    },
    {
      validator: (note) => {
        if (!note) throw new Error('empty note');
      },
    },
  );
  const startedAt = Date.now();
  const fired = await condition(() => notes.includes('stop'), `${days} days`);
  return { notes, timerFiredAt: fired ? -1 : Date.now() - startedAt };
}

export async function sleeper(days: number): Promise<number> {
  const startedAt = Date.now();
  await sleep(`${days} days`);
  return Date.now() - startedAt;
}
