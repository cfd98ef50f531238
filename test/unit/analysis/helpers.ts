import assert from 'node:assert/strict';
import { analyze, type AnalyzeOptions, type Finding, type NumberFinding, type EntityFinding, type ClaimFinding } from '../../../src/core/analysis';

export function numbers(text: string, options?: AnalyzeOptions): NumberFinding[] {
  return analyze(text, options).findings.filter((f): f is NumberFinding => f.kind === 'number');
}

export function entities(text: string, options?: AnalyzeOptions): EntityFinding[] {
  return analyze(text, options).findings.filter((f): f is EntityFinding => f.kind === 'entity');
}

export function claims(text: string, options?: AnalyzeOptions): ClaimFinding[] {
  return analyze(text, options).findings.filter((f): f is ClaimFinding => f.kind === 'claim');
}

/** The one number whose text is `surface`. */
export function numberAt(text: string, surface: string): NumberFinding {
  const found = numbers(text).filter((n) => n.text === surface);
  assert.equal(found.length, 1, `expected one number "${surface}" in ${JSON.stringify(text)}, found ${JSON.stringify(numbers(text).map((n) => n.text))}`);
  return found[0];
}

/** Every finding's text is exactly the slice it claims to be. */
export function assertExactSpans(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end, `bad span ${f.start}-${f.end}`);
    assert.equal(text.slice(f.start, f.end), f.text);
  }
}
