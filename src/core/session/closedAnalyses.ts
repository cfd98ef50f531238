/**
 * Analyses of articles no editor has open (exports, the cross-article index), reused while a file's
 * text and its team corrections are the same, and forgotten once it is open, gone or changed.
 */
import { analyze, type AnalyzeOptions } from '../analysis/analyzer';
import type { Analysis } from '../analysis/types';

export class ClosedAnalyses {
  private readonly cache = new Map<string, { text: string; corrections: string; analysis: Analysis }>();

  /** The analysis of a file's text, from the last call when neither the text nor the corrections changed. */
  analysisOf(key: string, text: string, options: AnalyzeOptions): Analysis {
    // The team's corrections count as part of the input: a new correction analyses the article again.
    const corrections = JSON.stringify(options.feedback ?? []);
    const cached = this.cache.get(key);
    if (cached?.text === text && cached.corrections === corrections) return cached.analysis;
    const analysis = analyze(text, options);
    this.cache.set(key, { text, corrections, analysis });
    return analysis;
  }

  /** Forgets a file (it is open: its session has the analysis). */
  forget(key: string): void {
    this.cache.delete(key);
  }

  /** Forgets every file but those listed (the others are gone). */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.cache.keys()) if (!keys.has(key)) this.cache.delete(key);
  }
}
