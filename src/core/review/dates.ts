/** Calendar helpers for review-time checks. All dates are interpreted in UTC. */

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Parses a partial ISO date ("2025", "2025-01", "2025-01-26") or a full ISO timestamp.
 * @returns The first and the last instant of the period it names, or null when it is not a date.
 */
export function parseDatePeriod(value: string): { start: Date; end: Date } | null {
  const partial = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (partial) {
    const year = Number(partial[1]);
    const month = partial[2] === undefined ? null : Number(partial[2]) - 1;
    const day = partial[3] === undefined ? null : Number(partial[3]);
    if (month !== null && (month < 0 || month > 11)) return null;
    if (day !== null && (day < 1 || day > daysInMonth(year, month ?? 0))) return null;
    const start = new Date(Date.UTC(year, month ?? 0, day ?? 1));
    const end =
      day !== null
        ? new Date(Date.UTC(year, month ?? 0, day + 1) - 1)
        : month !== null
          ? new Date(Date.UTC(year, month + 1, 1) - 1)
          : new Date(Date.UTC(year + 1, 0, 1) - 1);
    return { start, end };
  }
  // Only full timestamps with a time part: Date.parse accepts too much otherwise.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) return null;
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return null;
  return { start: new Date(instant), end: new Date(instant) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY);
}

/** The date part (YYYY-MM-DD) of an instant, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
