import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A staff member's saved queue view as stored. */
export interface SavedCaseViewRow {
  id: string;
  name: string;
  filters: Record<string, string>;
  created_at: Date;
}

/** The user's saved views, by name. */
export async function listSavedCaseViews(db: Queryable, userId: string): Promise<SavedCaseViewRow[]> {
  return db.query(
    `SELECT id, name, filters, created_at FROM saved_case_views WHERE user_id = $1 ORDER BY name`,
    [userId],
  );
}

/** Stores a view unless the user has one of that name; its id and creation time, or undefined if taken. */
export async function insertSavedCaseView(
  db: Queryable,
  view: { userId: string; name: string; filters: Record<string, string> },
): Promise<{ id: string; created_at: Date } | undefined> {
  const [row] = await db.query(
    `INSERT INTO saved_case_views (user_id, name, filters) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, name) DO NOTHING RETURNING id, created_at`,
    [view.userId, view.name, JSON.stringify(view.filters)],
  );
  return row as { id: string; created_at: Date } | undefined;
}

/** Deletes the user's own view; returns how many rows went (0 or 1). */
export async function deleteSavedCaseView(db: Queryable, userId: string, id: string): Promise<number> {
  const [, count] = await db.query(`DELETE FROM saved_case_views WHERE id = $1 AND user_id = $2`, [
    id,
    userId,
  ]);
  return count;
}
