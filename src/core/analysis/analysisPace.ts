/**
 * How long analysing a unit of text takes, per character, as the analyzer has measured it so far:
 * lets a time slice stop before a unit that would carry it past its deadline, rather than after it.
 * A slice of 8 ms that starts a 3 ms unit at 7 ms otherwise ends at 10 ms, and under load (a core
 * shared with other processes) such overruns made keystrokes over 16 ms.
 */
export class AnalysisPace {
  /** Milliseconds per UTF-16 unit, a moving average; 0 until something was measured. */
  private msPerChar = 0;

  /** Weight of the newest measurement in the average. */
  private static readonly WEIGHT = 0.2;

  /** Records that analysing `chars` characters took `ms` milliseconds. */
  record(chars: number, ms: number): void {
    if (chars <= 0 || !(ms >= 0)) return;
    const sample = ms / chars;
    this.msPerChar = this.msPerChar === 0 ? sample : this.msPerChar + AnalysisPace.WEIGHT * (sample - this.msPerChar);
  }

  /** The expected milliseconds for `chars` characters (0 before the first measurement). */
  estimate(chars: number): number {
    return this.msPerChar * chars;
  }
}
