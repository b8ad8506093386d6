/**
 * The one time codec. Times are stored as UTC ISO-8601 text ("2026-11-24T12:00:00.000Z") on both
 * databases: fixed width, so text order is time order, and identical on SQLite and PostgreSQL.
 */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function fromDbTime(text: string): Date {
  return new Date(text);
}
