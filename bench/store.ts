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
 * 4. Version 2: the 10,000 annotations with 5 comments each (and an assignee, a review and tags on a
 *    third): opened, changed and saved by the store; and a three-way merge of two sides that each
 *    changed a tenth (a reply each, a note, an approval), read, merged and written as the merge
 *    driver does. Target: within twice case 1's figure measured in the same run.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './bench';
import { random, seedTexts } from './shared';
import { AnnotationStore, makeQuote, mergeAnnotationFiles, parseAnnotationFile, resolveAll, serializeAnnotationFile, STATUSES, type Annotation, type AnchorResolution, type AnnotationFile } from '../src/core/store';

const RUNS = 7;
const FILE_ANNOTATIONS = 10_000;
const ARTICLE_ANNOTATIONS = 1_000;
const ARTICLE_SIZE = 1 << 20;
const CHANGED_SHARE = 0.1;
const LOAD_SAVE_TARGET_MS = 150;
const REANCHOR_TARGET_MS = 250;

/** The seed articles' paragraphs (lines longer than 40 characters). */
function seedParagraphs(): string[] {
  return seedTexts()
    .flatMap((text) => text.split('\n'))
    .filter((p) => p.trim().length > 40);
}

/**
 * About `size` characters of German AI news: seed paragraphs in random order, numbered, with one word
 * in four swapped for a random word of the seeds, so that (as in a real article) passages do not
 * repeat verbatim.
 */
function makeArticle(size: number, next: () => number): string {
  const paragraphs = seedParagraphs();
  const vocabulary = [...new Set(paragraphs.join(' ').split(/\s+/).filter(Boolean))];
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; length < size; n += 1) {
    const words = paragraphs[Math.floor(next() * paragraphs.length)].split(' ').map((w) => (next() < 0.25 ? vocabulary[Math.floor(next() * vocabulary.length)] : w));
    const paragraph = `Absatz ${n}: ${words.join(' ')}\n\n`;
    parts.push(paragraph);
    length += paragraph.length;
  }
  return parts.join('').slice(0, size);
}

/** The start of the word at or after an offset. */
function wordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\S/.test(text[i - 1])) i -= 1;
  return i;
}

function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\S/.test(text[i])) i += 1;
  return i;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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

const COMMENTS_PER_ANNOTATION = 5;

/** The version-2 fields of the bench file: 5 comments on every annotation, assignee, review and tags on a third. */
function withVersion2Fields(a: Annotation, i: number): Annotation {
  const at = (k: number) => new Date(Date.parse(a.created) + k * 3_600_000).toISOString();
  const comments = Array.from({ length: COMMENTS_PER_ANNOTATION }, (_, k) => ({
    id: `c${k}`,
    author: ['Anna', 'Ben', 'Chris'][(i + k) % 3],
    at: at(k + 1),
    body: k % 2 === 0 ? 'Wo steht das? Die Pressemitteilung nennt eine andere Zahl.' : 'Geprüft mit dem Geschäftsbericht 2024, Seite 12.',
  }));
  if (i % 3 !== 0) return { ...a, comments };
  return { ...a, assignee: 'Ben', review: { by: 'Chris', at: at(6), result: 'approved', status: a.status }, tags: ['Zahlen', 'Wahl 2025'], comments };
}

/** 10,000 annotations over 100 articles made of seed text, a third with the optional fields in use; with `version2`, also its fields. */
export function makeFile(version2 = false): string {
  const next = random(11);
  const article = makeArticle(64 * 1024, next);
  const annotations: Annotation[] = [];
  for (let i = 0; i < FILE_ANNOTATIONS; i += 1) {
    const start = wordStart(article, Math.floor(next() * (article.length - 300)));
    const end = wordEnd(article, start + 20 + Math.floor(next() * 100));
    const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    const a: Annotation = {
      id: `bench${String(i).padStart(16, '0')}`,
      article: `articles/${String(i % 100).padStart(3, '0')}.md`,
      status: STATUSES[i % 3],
      quote: makeQuote(article, start, end),
      position: { start, end },
      note: i % 2 === 0 ? 'Laut Herstellerangabe; unabhängige Prüfung steht aus.' : '',
      created,
      modified: created,
      author: ['Anna', 'Ben', 'Chris'][i % 3],
    };
    if (i % 3 === 0) {
      a.evidence = ['https://example.org/quelle'];
      a.reviewBy = '2025-12-31';
      a.history = [{ status: 'disputed', at: created, author: 'Anna' }, { status: a.status, at: created, author: 'Ben' }];
    }
    annotations.push(version2 ? withVersion2Fields(a, i) : a);
  }
  return serializeAnnotationFile({ version: 1, annotations });
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

/**
 * Two sides of the file, each changing a tenth of the annotations as a teammate would: with
 * `version2`, a reply each and a note or an approval; without, a note or a status.
 */
function mergeSides(base: AnnotationFile, version2: boolean): [string, string] {
  const side = (name: string, offset: number) => {
    const annotations = base.annotations.map((a, i): Annotation => {
      if (i % 10 !== offset) return a;
      const modified = new Date(Date.parse(a.modified) + 86_400_000).toISOString();
      if (!version2) return offset === 0 ? { ...a, note: `${a.note} (ergänzt)`, modified } : { ...a, status: 'disputed', modified };
      const reply = { id: `r-${name}`, author: name, at: modified, body: `Antwort von ${name}` };
      return offset === 0
        ? { ...a, note: `${a.note} (ergänzt)`, modified, comments: [...(a.comments ?? []), reply] }
        : { ...a, review: { by: name, at: modified, result: 'approved' as const, status: a.status }, modified, comments: [...(a.comments ?? []), reply] };
    });
    return serializeAnnotationFile({ version: base.version, annotations });
  };
  return [side('Dana', 0), side('Eli', 5)];
}

/** What the merge driver does with three versions of the file: read, merge, write; the median in ms. */
async function timeMerge(text: string, version2: boolean): Promise<{ ms: number; merged: AnnotationFile }> {
  const [ours, theirs] = mergeSides(parsed(text), version2);
  let merged: AnnotationFile = { version: 1, annotations: [] };
  const ms = await timeIt(() => {
    merged = mergeAnnotationFiles(parsed(text), parsed(ours), parsed(theirs));
    return serializeAnnotationFile(merged);
  });
  return { ms, merged };
}

/**
 * Case 4: version 2 with 5 comments per annotation, against the same operations on case 1's file
 * (no comments) measured in this run.
 */
async function benchVersion2(version1Text: string, version1Ms: number): Promise<string[][]> {
  const text = makeFile(true);
  const storeMs = await timeOpenChangeSave(text);
  const merge1 = await timeMerge(version1Text, false);
  const merge2 = await timeMerge(text, true);
  const count = merge2.merged.annotations.reduce((sum, a) => sum + (a.comments?.length ?? 0), 0);
  if (count !== FILE_ANNOTATIONS * COMMENTS_PER_ANNOTATION + FILE_ANNOTATIONS / 5) throw new Error(`merge kept ${count} comments`);
  const mb = (text.length / 1e6).toFixed(1);
  const row = (label: string, ms: number, baseline: string, baselineMs: number) => [label, ms.toFixed(1), baseline, baselineMs.toFixed(1), `${(2 * baselineMs).toFixed(0)} (2×)`, ms < 2 * baselineMs ? 'ok' : 'MISSED'];
  return [
    row(`10,000 annotations × 5 comments (${mb} MB): open + validate + change + save, on disk`, storeMs, 'case 1 (no comments)', version1Ms),
    ['10,000 annotations (no comments): read base, ours, theirs + merge + write (the merge driver\'s work)', merge1.ms.toFixed(1), '', '', '', ''],
    row('the same with 5 comments each, a reply on each side', merge2.ms, 'the line above', merge1.ms),
  ];
}

async function benchLoadSave(): Promise<string[][]> {
  const text = makeFile();
  const storeMs = await timeOpenChangeSave(text);
  const memoryMs = await timeIt(() => serializeAnnotationFile(parsed(text)));
  const baselineMs = await timeIt(() => JSON.stringify(JSON.parse(text), null, 2));
  const mb = (text.length / 1e6).toFixed(1);
  return [
    [`10,000 annotations (${mb} MB): open + validate + change + save, on disk`, storeMs.toFixed(1), 'JSON.parse + stringify', baselineMs.toFixed(1), String(LOAD_SAVE_TARGET_MS), storeMs < LOAD_SAVE_TARGET_MS ? 'ok' : 'MISSED'],
    ['10,000 annotations: parse + validate + serialise, in memory', memoryMs.toFixed(1), 'JSON.parse + stringify', baselineMs.toFixed(1), '', ''],
    ...(await benchVersion2(text, storeMs)),
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
  },
};
