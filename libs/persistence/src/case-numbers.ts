import { type EntityManager } from 'typeorm';

/**
 * Allocates the next case number of a registering unit and year. The counter row is incremented with
 * one atomic upsert, so concurrent registrations (on any API instance) never share a number.
 */
export async function allocateCaseNumber(tx: EntityManager, unitCode: string, year: number): Promise<string> {
  const [row]: { last_value: number }[] = await tx.query(
    `INSERT INTO case_number_counters (unit_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (unit_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
     RETURNING last_value`,
    [unitCode, year],
  );
  return formatCaseNumber(unitCode, year, row!.last_value);
}

export function formatCaseNumber(unitCode: string, year: number, sequence: number): string {
  return `${unitCode}-${year}-${String(sequence).padStart(6, '0')}`;
}
