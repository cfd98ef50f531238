/**
 * Honouring a team's corrections in an analysis: each correction is found again in the current text
 * (quote and context, as annotations are), and the finding there is dropped ("not a claim", "not an
 * entity") or retyped ("wrong entity type"). Used by the analyzer, hence by the editor, `scan` and `eval`.
 */
import type { EntityFinding, Finding, FindingKind } from '../analysis/types';
import { resolveAll } from '../store/anchor';
import type { Correction } from './feedback';

/** A finding is the corrected one when their spans overlap at least this much (intersection over union). */
const MIN_OVERLAP = 0.5;

function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const intersection = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (intersection <= 0) return 0;
  return intersection / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

function targetKind(correction: Correction): FindingKind {
  return correction.kind === 'not-a-claim' ? 'claim' : 'entity';
}

/** The finding of the right kind that a resolved correction points at, by the largest overlap. */
function correctedIndex(findings: readonly (Finding | undefined)[], kind: FindingKind, span: { start: number; end: number }): number {
  let best = -1;
  let bestShare = MIN_OVERLAP;
  findings.forEach((f, i) => {
    if (!f || f.kind !== kind) return;
    const share = overlapShare(f, span);
    if (share >= bestShare) {
      best = i;
      bestShare = share;
    }
  });
  return best;
}

/**
 * The findings with the corrections applied. The input array and its findings are left as they are
 * (the analyzer shares them); a retyped entity is a new object whose reasons say who corrected it.
 * @param text The article text the findings are offsets into.
 * @param corrections This article's corrections; those not found in the text change nothing.
 */
export function applyFeedback(text: string, findings: readonly Finding[], corrections: readonly Correction[]): Finding[] {
  if (corrections.length === 0) return [...findings];
  const resolutions = resolveAll(text, corrections);
  const result: (Finding | undefined)[] = [...findings];
  corrections.forEach((correction, i) => {
    const resolution = resolutions[i];
    if (resolution.state === 'orphaned') return;
    const index = correctedIndex(result, targetKind(correction), resolution);
    if (index < 0) return;
    const finding = result[index] as Finding;
    if (correction.kind === 'wrong-entity-type' && correction.type) {
      const entity = finding as EntityFinding;
      result[index] = { ...entity, type: correction.type, reasons: [`team correction: ${correction.type} (${correction.author || 'unknown'})`, ...(entity.reasons ?? [])] };
    } else {
      result[index] = undefined;
    }
  });
  return result.filter((f): f is Finding => f !== undefined);
}
