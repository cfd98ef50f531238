/** Runs async work over many items with a bound on how many run at once. */

/**
 * Maps items through an async function, at most `limit` at a time, keeping the input order.
 * @param items The inputs.
 * @param limit How many calls may be pending at once (at least 1).
 * @param fn The work; a rejection rejects the whole map.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
