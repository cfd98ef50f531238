/**
 * How long this thread was blocked while some work ran: a timer ticks every `intervalMs`, and the
 * longest wait between two ticks (or from the last tick to the end) is the longest block. Used by
 * the import's unit, integration and bench measurements of work handed to a worker.
 */
export interface Watched<T> {
  result: PromiseSettledResult<T>;
  ticks: number;
  longestGapMs: number;
  ms: number;
}

export async function whileTicking<T>(work: () => PromiseLike<T>, intervalMs = 10): Promise<Watched<T>> {
  const started = performance.now();
  let last = started;
  let ticks = 0;
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, intervalMs);
  try {
    const [result] = await Promise.allSettled([work()]);
    return { result, ticks, longestGapMs: Math.max(longestGapMs, performance.now() - last), ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

/** The value of a fulfilled result; rethrows the reason of a rejected one. */
export function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
