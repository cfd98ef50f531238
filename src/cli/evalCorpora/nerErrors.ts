/**
 * Sorts the errors of entity findings on a NER dev split into kinds, so that a change to the tagger
 * is aimed at the errors that dominate: names nobody found (one word or several), names found with
 * the wrong type, names found with the wrong boundaries, and findings where no in-scope name is
 * (over a name the corpus types otherwise, such as GermEval's OTH or *part spans, or over nothing).
 * A finding and a gold span of the same type match as in scoring.ts (IoU >= 0.5).
 */
import type { NerRecord } from '../../train/corpora';
import { iou, MIN_IOU, type LabelSpan } from '../../core/analysis/scoring';
import { goldSpans } from './ner';

export type NerErrorKind =
  | 'missed one word'
  | 'missed several words'
  | 'wrong type'
  | 'missed, span cut or too long'
  | 'found, span cut or too long'
  | 'found over an out-of-scope name'
  | 'found over no name';

export interface NerErrorCount {
  kind: NerErrorKind;
  count: number;
  /** A few of them, "text (gold type → found type)". */
  examples: string[];
}

const MAX_EXAMPLES = 8;

/** The kind of a gold span that no finding of its type hits. */
function missKind(gold: LabelSpan, found: readonly LabelSpan[]): NerErrorKind {
  const overlapping = found.filter((f) => iou(f, gold) > 0);
  if (overlapping.some((f) => iou(f, gold) >= MIN_IOU)) return 'wrong type';
  if (overlapping.length) return 'missed, span cut or too long';
  return /\s/.test(gold.text ?? '') ? 'missed several words' : 'missed one word';
}

/** The kind of a finding that hits no gold span of its type (a wrong type is counted once, at the gold span). */
function falseFindingKind(found: LabelSpan, gold: readonly LabelSpan[], outOfScope: readonly LabelSpan[]): NerErrorKind | null {
  if (gold.some((g) => iou(found, g) >= MIN_IOU)) return null;
  if (gold.some((g) => iou(found, g) > 0)) return 'found, span cut or too long';
  return outOfScope.some((g) => iou(found, g) > 0) ? 'found over an out-of-scope name' : 'found over no name';
}

/** Pairs each finding with the gold span of its type it hits (greedy by IoU, as scoreSpans does). */
function typedHits(found: readonly LabelSpan[], gold: readonly LabelSpan[]): { hitGold: Set<LabelSpan>; hitFound: Set<LabelSpan> } {
  const hitGold = new Set<LabelSpan>();
  const hitFound = new Set<LabelSpan>();
  for (const f of found) {
    let best: LabelSpan | null = null;
    for (const g of gold) if (!hitGold.has(g) && g.type === f.type && iou(f, g) >= MIN_IOU && (!best || iou(f, g) > iou(f, best))) best = g;
    if (best) {
      hitGold.add(best);
      hitFound.add(f);
    }
  }
  return { hitGold, hitFound };
}

/**
 * Counts every typed error of `findingsOf` on the records by kind.
 * @param findingsOf the in-scope findings of a record, typed as the corpus types them (outlet as org)
 */
export function categoriseNerErrors(records: readonly NerRecord[], types: readonly string[], findingsOf: (record: NerRecord) => LabelSpan[]): NerErrorCount[] {
  const counts = new Map<NerErrorKind, NerErrorCount>();
  const add = (kind: NerErrorKind, example: string): void => {
    const entry = counts.get(kind) ?? { kind, count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example);
    counts.set(kind, entry);
  };
  for (const record of records) {
    const gold = goldSpans(record, types);
    const outOfScope = record.spans.filter((s) => !gold.some((g) => g.start === s.start && g.end === s.end));
    const found = findingsOf(record);
    const { hitGold, hitFound } = typedHits(found, gold);
    for (const g of gold) {
      if (hitGold.has(g)) continue;
      const kind = missKind(g, found);
      const other = kind === 'wrong type' ? found.find((f) => iou(f, g) >= MIN_IOU)?.type : '';
      add(kind, `${g.text} (${g.type}${other ? ` → ${other}` : ''})`);
    }
    for (const f of found) {
      if (hitFound.has(f)) continue;
      const kind = falseFindingKind(f, gold, outOfScope);
      if (kind) add(kind, `${record.text.slice(f.start, f.end)} (${f.type})`);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

/** The error table the trainer prints after a cross-validation. */
export function nerErrorTable(title: string, errors: readonly NerErrorCount[]): string {
  return [title, ...errors.map((e) => `  ${String(e.count).padStart(5)}  ${e.kind.padEnd(32)} ${e.examples.slice(0, 5).join('; ')}`)].join('\n');
}
