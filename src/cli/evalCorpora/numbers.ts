/**
 * The number-expression development set (test/fixtures/numbers): one labelled sentence per line,
 * `KIND: SENTENCE`, in German and English. Scores recall and precision per kind (number words,
 * ordinals, fractions, temperatures, ages, dimensions, comparators, weekday dates) with the gold
 * scoring (IoU >= 0.5), and how many hits also have the gold type.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Lexicon, type NumberFinding } from '../../core/analysis';
import { iou, MIN_IOU, parseAnnotated, scoreSpans, sumScores, type KindScore, type LabelSpan } from '../../core/analysis/scoring';

/** One labelled sentence of the set. */
export interface NumberSentence {
  kind: string;
  /** Taken from the corpora (a star after the kind), not written for the set. */
  fromCorpus: boolean;
  text: string;
  gold: LabelSpan[];
}

/** A kind's score over the sentences written for it. */
export interface NumberKindScore extends KindScore {
  kind: string;
  /** Hits whose found type equals the gold type. */
  typed: number;
}

/**
 * Reads one file of the set.
 * @throws Error naming the line of a malformed sentence.
 */
export function parseNumberSet(content: string, file = 'numbers set'): NumberSentence[] {
  const sentences: NumberSentence[] = [];
  content.split('\n').forEach((line, index) => {
    if (!line.trim() || line.startsWith('#')) return;
    const head = /^([a-z]+)(\*?): /.exec(line);
    if (!head) throw new Error(`${file}:${index + 1}: expected "KIND: sentence"`);
    try {
      const { text, labels } = parseAnnotated(line.slice(head[0].length));
      sentences.push({ kind: head[1], fromCorpus: head[2] === '*', text, gold: labels.numbers });
    } catch (error) {
      throw new Error(`${file}:${index + 1}: ${(error as Error).message}`);
    }
  });
  return sentences;
}

/**
 * Analyses the sentences as one article (a paragraph each, so that the language is read from all of
 * them, as in an article) and scores each kind.
 */
export function scoreNumberSet(sentences: NumberSentence[], lexicon: Lexicon, verbose = false): NumberKindScore[] {
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += s.text.length + 2;
  }
  const article = sentences.map((s) => s.text).join('\n\n');
  const found = analyze(article, { lexicon }).findings.filter((f): f is NumberFinding => f.kind === 'number');
  const byKind = new Map<string, NumberKindScore[]>();
  sentences.forEach((sentence, k) => {
    const start = starts[k];
    const own = found
      .filter((f) => f.start >= start && f.end <= start + sentence.text.length)
      .map((f) => ({ start: f.start - start, end: f.end - start, type: f.type, text: f.text }));
    const score = scoreSpans(own, sentence.gold);
    const typed = sentence.gold.filter((g) => !score.missed.includes(g) && own.some((f) => f.type === g.type && iou(f, g) >= MIN_IOU)).length;
    if (verbose) {
      for (const m of score.missed) console.log(`  numbers ${sentence.kind} MISSED   ${JSON.stringify(m.text)} in ${JSON.stringify(sentence.text)}`);
      for (const m of score.spurious) console.log(`  numbers ${sentence.kind} SPURIOUS ${JSON.stringify(m.text)} in ${JSON.stringify(sentence.text)}`);
    }
    const list = byKind.get(sentence.kind) ?? [];
    list.push({ ...score, kind: sentence.kind, typed });
    byKind.set(sentence.kind, list);
  });
  return [...byKind].map(([kind, scores]) => sum(kind, scores));
}

function sum(kind: string, scores: NumberKindScore[]): NumberKindScore {
  return { ...sumScores(scores), kind, typed: scores.reduce((n, s) => n + s.typed, 0) };
}

function percent(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

/** The table printed by `npm run eval` for one file of the set, with a total row. */
export function numberSetTable(title: string, scores: NumberKindScore[]): string {
  const lines = [title, '  kind           gold  found  hits  precision  recall  same type'];
  for (const s of [...scores, sum('all kinds', scores)]) {
    lines.push(`  ${s.kind.padEnd(13)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(6)} ${String(s.hits).padStart(5)}      ${percent(s.precision)}   ${percent(s.recall)}      ${String(s.typed).padStart(5)}`);
  }
  return lines.join('\n');
}

/** Scores every file of the set below `dir` (`de.ann.txt`, `en.ann.txt`) and returns the printed tables. */
export function evalNumberSet(dir: string, lexicon: Lexicon, verbose = false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ann.txt'))
    .sort()
    .map((f) => {
      const sentences = parseNumberSet(readFileSync(join(dir, f), 'utf8'), f);
      return numberSetTable(`number expressions (${join('test/fixtures/numbers', f)}, ${sentences.length} sentences), recall by kind:`, scoreNumberSet(sentences, lexicon, verbose));
    });
}
