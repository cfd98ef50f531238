/** "Set Review Date…": what a typed date writes into the annotation's `reviewBy`. */

/**
 * The change a typed review date makes: a valid YYYY-MM-DD day sets it, nothing clears it (null);
 * undefined for anything else.
 */
export function reviewByPatch(typed: string): { reviewBy: string | null } | undefined {
  if (typed === '') return { reviewBy: null };
  return /^\d{4}-\d{2}-\d{2}$/.test(typed) && !Number.isNaN(Date.parse(typed)) ? { reviewBy: typed } : undefined;
}
