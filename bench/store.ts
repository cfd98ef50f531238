/**
 * Bench section `store`.
 *
 * 1. 10,000 annotations: the file opened by the store (read, parsed, validated), one verdict changed,
 *    and saved (re-read, serialised, written atomically). Baseline in the same run: `JSON.parse` and
 *    `JSON.stringify` of the same text, the least any loader and writer must do. Target: 150 ms.
 * 2. 1,000 annotations on a 1 MB article, re-anchored after an external edit that changed the words of
 *    10% of them and inserted paragraphs between them (so nearly all moved). Baseline: `indexOf` of
 *    every quote. Target: 250 ms. Every resolution is checked against where the words really went.
 * 3. For scale (no target): the same, but the 10% are deleted outright, so their orphaning costs a
 *    full approximate search each: the worst case.
 * 4. Version 2 (storeDiscussion.ts): the same 10,000 annotations with 5 comments each, opened, saved,
 *    merged by the merge driver and reloaded by the watcher, each against the same operation on
 *    case 1's file in the same run. Target: within twice that figure.
 *
 * The files are made by benchFiles.ts: distinct quotes, notes and comments, a team of authors.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './bench';
import { median, printTable, random } from './shared';
import { FILE_ANNOTATIONS, makeArticle, makeBenchFiles, wordEnd, wordStart } from './benchFiles';
import { benchDiscussion } from './storeDiscussion';
import { AnnotationStore, makeQuote, parseAnnotationFile, resolveAll, serializeAnnotationFile, type Annotation, type AnchorResolution, type AnnotationFile } from '../src/core/store';

const RUNS = 7;
const ARTICLE_ANNOTATIONS = 1_000;
const ARTICLE_SIZE = 1 << 20;
const CHANGED_SHARE = 0.1;
const LOAD_SAVE_TARGET_MS = 150;
const REANCHOR_TARGET_MS = 250;

async function timeIt(run: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await run(); // warm-up
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function table(rows: string[][]): void {
  const header = ['case', 'median ms', 'baseline', 'baseline ms', 'target ms', ''];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (cell ?? '').padEnd(widths[c])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/** Opens the file with the store, changes one note and saves; the median time in ms. */
async function timeOpenChangeSave(text: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ainews-bench-'));
  try {
    mkdirSync(join(dir, '.ainews'));
    writeFileSync(join(dir, '.ainews', 'annotations.json'), text);
    let toggle = 0;
    return await timeIt(async () => {
      const store = await AnnotationStore.open(dir);
      if (store.annotations.length !== FILE_ANNOTATIONS) throw new Error('not all annotations loaded');
      store.update(store.annotations[0].id, { note: `Lauf ${(toggle += 1)}` });
      const result = await store.save();
      if (result.kind !== 'written') throw new Error(`save did not write: ${JSON.stringify(result)}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsed(text: string): AnnotationFile {
  const result = parseAnnotationFile(text);
  if (result.kind !== 'ok') throw new Error('bench file invalid');
  return result.file;
}

async function benchLoadSave(): Promise<string[][]> {
  const text = makeBenchFiles().plain;
  const storeMs = await timeOpenChangeSave(text);
  const memoryMs = await timeIt(() => serializeAnnotationFile(parsed(text)));
  const baselineMs = await timeIt(() => JSON.stringify(JSON.parse(text), null, 2));
  const mb = (text.length / 1e6).toFixed(1);
  return [
    [`10,000 annotations (${mb} MB): open + validate + change + save, on disk`, storeMs.toFixed(1), 'JSON.parse + stringify', baselineMs.toFixed(1), String(LOAD_SAVE_TARGET_MS), storeMs < LOAD_SAVE_TARGET_MS ? 'ok' : 'MISSED'],
    ['10,000 annotations: parse + validate + serialise, in memory', memoryMs.toFixed(1), 'JSON.parse + stringify', baselineMs.toFixed(1), '', ''],
  ];
}

interface Scenario {
  edited: string;
  annotations: Annotation[];
  /** Where each annotation's words are in the edited text; undefined when deleted. */
  expected: ({ start: number; end: number; changed: boolean } | undefined)[];
}

/**
 * 1,000 non-overlapping annotations on a 1 MB article; then, from the end backwards (so earlier
 * offsets stay valid), 10% get their middle word replaced (or their words deleted), and a paragraph
 * is inserted between every 20th and its predecessor. `expected` follows every edit.
 */
function makeScenario(deleteInstead: boolean): Scenario {
  const next = random(23);
  const text = makeArticle(ARTICLE_SIZE, next);
  const slot = Math.floor(text.length / ARTICLE_ANNOTATIONS);
  const ranges = Array.from({ length: ARTICLE_ANNOTATIONS }, (_, i) => {
    const start = wordStart(text, i * slot + Math.floor(next() * (slot / 2)));
    const end = wordEnd(text, Math.min(start + 15 + Math.floor(next() * 80), (i + 1) * slot - 2));
    return { start, end };
  });
  const annotations = ranges.map((r, i): Annotation => ({
    id: `a${i}`,
    article: 'articles/long.md',
    status: 'verified',
    quote: makeQuote(text, r.start, r.end),
    position: r,
    note: '',
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    author: 'bench',
  }));
  const changed = new Set<number>();
  while (changed.size < ARTICLE_ANNOTATIONS * CHANGED_SHARE) changed.add(Math.floor(next() * ARTICLE_ANNOTATIONS));
  let edited = text;
  const expected: Scenario['expected'] = ranges.map(() => undefined);
  const shiftFrom = (first: number, by: number) => {
    for (let j = first; j < ARTICLE_ANNOTATIONS; j += 1) {
      const e = expected[j];
      if (e) expected[j] = { ...e, start: e.start + by, end: e.end + by };
    }
  };
  for (let i = ARTICLE_ANNOTATIONS - 1; i >= 0; i -= 1) {
    const { start, end } = ranges[i];
    if (!changed.has(i)) {
      expected[i] = { start, end, changed: false };
    } else if (deleteInstead) {
      edited = edited.slice(0, start) + edited.slice(end);
      shiftFrom(i + 1, start - end);
    } else {
      const middle = wordStart(edited, start + Math.floor((end - start) / 2));
      const middleEnd = wordEnd(edited, middle);
      const replacement = next() < 0.5 ? String(Math.floor(next() * 1000)) : 'angeblich';
      edited = edited.slice(0, middle) + replacement + edited.slice(middleEnd);
      const by = replacement.length - (middleEnd - middle);
      expected[i] = { start, end: end + by, changed: true };
      shiftFrom(i + 1, by);
    }
    if (i % 20 === 0) {
      const previousEnd = i > 0 ? ranges[i - 1].end : 0;
      const at = wordStart(edited, Math.floor((previousEnd + start) / 2));
      const paragraph = `Nachtrag ${i}: Diese Passage wurde nach Redaktionsschluss ergänzt. `;
      edited = edited.slice(0, at) + paragraph + edited.slice(at);
      shiftFrom(i, paragraph.length);
    }
  }
  return { edited, annotations, expected };
}

function correctness(s: Scenario, results: AnchorResolution[]): string {
  const counts: Record<string, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  let correct = 0;
  results.forEach((r, i) => {
    counts[r.state] += 1;
    const e = s.expected[i];
    if (!e) correct += r.state === 'orphaned' ? 1 : 0;
    else if (r.state !== 'orphaned' && r.start === e.start && r.end === e.end && (r.state === 'fuzzy') === e.changed) correct += 1;
  });
  return `${correct}/${results.length} correct (${counts.exact} exact, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned)`;
}

async function benchReanchor(): Promise<{ rows: string[][]; notes: string[] }> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const deleteInstead of [false, true]) {
    const s = makeScenario(deleteInstead);
    let results: AnchorResolution[] = [];
    const ms = await timeIt(() => {
      results = resolveAll(s.edited, s.annotations);
    });
    const baselineMs = await timeIt(() => {
      let found = 0;
      for (const a of s.annotations) if (s.edited.indexOf(a.quote.exact) >= 0) found += 1;
      return found;
    });
    const label = deleteInstead ? '1,000 annotations, 1 MB, 10% of quotes deleted (worst case)' : '1,000 annotations, 1 MB article, 10% of quotes changed';
    const target = deleteInstead ? '' : String(REANCHOR_TARGET_MS);
    rows.push([label, ms.toFixed(1), 'indexOf of every quote', baselineMs.toFixed(1), target, deleteInstead ? '' : ms < REANCHOR_TARGET_MS ? 'ok' : 'MISSED']);
    notes.push(`${label}: ${correctness(s, results)}`);
  }
  return { rows, notes };
}

export const storeBench: BenchSection = {
  name: 'store',
  async run() {
    const loadSave = await benchLoadSave();
    const reanchor = await benchReanchor();
    table([...loadSave, ...reanchor.rows]);
    console.log('');
    for (const note of reanchor.notes) console.log(note);
    console.log('\nVersion 2: 10,000 annotations with 5 comments each against the same without comments, interleaved runs\n');
    printTable(['operation', 'no comments ms', '5 comments ms', 'ratio of medians', 'floor ratio', 'target', ''], await benchDiscussion());
  },
};
