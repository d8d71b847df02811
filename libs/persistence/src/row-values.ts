/** A nullable timestamp column of a raw query row, as ISO-8601 text (null stays null). */
export function isoOrNull(value: unknown): string | null {
  return value ? (value as Date).toISOString() : null;
}
