/**
 * Scoring against hand labels, as the gold README defines it: a found span hits a gold span of
 * the same kind when their overlap is at least half of their union (IoU >= 0.5); each gold span
 * can be hit once. Also reads the annotated master format of the labelling guidelines.
 */
import type { FindingKind } from './types';

export interface LabelSpan {
  start: number;
  end: number;
  text?: string;
  type?: string | null;
}

export interface GoldLabels {
  numbers: LabelSpan[];
  entities: LabelSpan[];
  claims: LabelSpan[];
}

export interface KindScore {
  gold: number;
  found: number;
  hits: number;
  precision: number;
  recall: number;
  f1: number;
  /** Gold spans nobody hit and found spans that hit nothing, for error analysis. */
  missed: LabelSpan[];
  spurious: LabelSpan[];
}

export const MIN_IOU = 0.5;

/** Intersection over union of two spans (0 when they do not overlap). */
export function iou(a: LabelSpan, b: LabelSpan): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** Precision, recall and F1 of `found` against `gold`; each gold span is hit at most once. */
export function scoreSpans(found: LabelSpan[], gold: LabelSpan[]): KindScore {
  const sortedGold = [...gold].sort((a, b) => a.start - b.start);
  const used = new Uint8Array(sortedGold.length);
  const spurious: LabelSpan[] = [];
  let hits = 0;
  let g0 = 0;
  for (const f of [...found].sort((a, b) => a.start - b.start)) {
    while (g0 < sortedGold.length && sortedGold[g0].end <= f.start) g0++;
    let best = -1;
    let bestIou = 0;
    for (let k = g0; k < sortedGold.length && sortedGold[k].start < f.end; k++) {
      if (used[k]) continue;
      const score = iou(f, sortedGold[k]);
      if (score >= MIN_IOU && score > bestIou) {
        best = k;
        bestIou = score;
      }
    }
    if (best >= 0) {
      used[best] = 1;
      hits++;
    } else {
      spurious.push(f);
    }
  }
  const missed = sortedGold.filter((_, k) => !used[k]);
  const precision = found.length ? hits / found.length : gold.length ? 0 : 1;
  const recall = gold.length ? hits / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold: gold.length, found: found.length, hits, precision, recall, f1, missed, spurious };
}

/** Adds up several scores of one kind (micro average). */
export function sumScores(scores: KindScore[]): KindScore {
  const gold = scores.reduce((s, x) => s + x.gold, 0);
  const found = scores.reduce((s, x) => s + x.found, 0);
  const hits = scores.reduce((s, x) => s + x.hits, 0);
  const precision = found ? hits / found : gold ? 0 : 1;
  const recall = gold ? hits / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, found, hits, precision, recall, f1, missed: scores.flatMap((s) => s.missed), spurious: scores.flatMap((s) => s.spurious) };
}

export const KIND_LABELS: Record<FindingKind, keyof GoldLabels> = { number: 'numbers', entity: 'entities', claim: 'claims' };

/**
 * Reads the annotated master format: `{n:TYPE|…}` numbers, `{e:TYPE|…}` entities, `<<…>>` claims,
 * nestable. Returns the plain text and the labels indexing it.
 * @throws Error naming the offset of unbalanced or malformed markup.
 */
export function parseAnnotated(markup: string): { text: string; labels: GoldLabels } {
  const labels: GoldLabels = { numbers: [], entities: [], claims: [] };
  const stack: { kind: 'n' | 'e' | 'c'; type: string | null; start: number; at: number }[] = [];
  let text = '';
  for (let i = 0; i < markup.length; ) {
    const open = /^\{([ne]):([a-z]+)\|/.exec(markup.slice(i, i + 20));
    if (open) {
      stack.push({ kind: open[1] as 'n' | 'e', type: open[2], start: text.length, at: i });
      i += open[0].length;
      continue;
    }
    if (markup.startsWith('<<', i)) {
      stack.push({ kind: 'c', type: null, start: text.length, at: i });
      i += 2;
      continue;
    }
    const c = markup[i];
    if (c === '}' || markup.startsWith('>>', i)) {
      const top = stack.pop();
      const closesClaim = c !== '}';
      if (!top || (top.kind === 'c') !== closesClaim) throw new Error(`unbalanced markup at offset ${i}`);
      const span: LabelSpan = { start: top.start, end: text.length, text: text.slice(top.start), type: top.type };
      (top.kind === 'n' ? labels.numbers : top.kind === 'e' ? labels.entities : labels.claims).push(span);
      i += closesClaim ? 2 : 1;
      continue;
    }
    text += c;
    i++;
  }
  if (stack.length) throw new Error(`unclosed markup opened at offset ${stack[stack.length - 1].at}`);
  return { text, labels };
}
