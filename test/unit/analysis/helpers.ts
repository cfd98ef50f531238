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

/** A number case: in `sentence`, the number `surface` has this type, value (null: not checked) and unit. */
export type NumberCase = [sentence: string, surface: string, type: string, value: number | string | null, unit?: string];

/** One test per case (inside a describe). */
export function checkNumbers(cases: NumberCase[]): void {
  for (const [sentence, surface, type, value, unit] of cases) {
    it(`reads "${surface}" as ${type}${value === null ? '' : ` ${value}`}${unit ? ` ${unit}` : ''}`, () => {
      const n = numberAt(sentence, surface);
      assert.equal(n.type, type);
      if (typeof value === 'number') {
        assert.ok(typeof n.value === 'number' && Math.abs(n.value - value) <= Math.max(1e-9, Math.abs(value) * 1e-9), `value ${n.value}`);
      } else if (value !== null) {
        assert.equal(n.value, value);
      }
      if (unit) assert.equal(n.unit, unit);
    });
  }
}
