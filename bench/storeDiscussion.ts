/**
 * Bench of the store with the discussion of version 2 (issue 14): 10,000 annotations with 5 comments
 * each against the same 10,000 annotations without comments ("today's figure"), measured in the same
 * run and interleaved (each run times the file without comments, then the file with them), per
 * operation, on disk:
 *
 * - open: read, parse, validate and index (`AnnotationStore.open` and its sorted list);
 * - save: one change (a note; with comments, a reply), serialised and written atomically; and a
 *   later save, as in the editor, where the store has saved before and keeps its annotations' texts;
 * - merge driver: git's three versions read, merged by id and written, as `merge-driver` does;
 * - reload: the watcher's reload after a `git pull`, merged into a store holding a local change.
 *
 * Target: each operation within twice its figure without comments. Next to each ratio, the ratio of
 * the operation's floor, measured in the same runs: the least any reader or writer of these bytes
 * does (`readFile` + `JSON.parse` per file read, `JSON.stringify` + an atomic write per file written),
 * which grows with the bytes whatever the store does.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeDraw, benchComment, COMMENTS_PER_ANNOTATION, FILE_ANNOTATIONS, makeBenchFiles, passage } from './benchFiles';
import { median } from './shared';
import { runMergeDriverOnFiles } from '../src/core/git/mergeDriver';
import { AnnotationStore, parseAnnotationFile, serializeAnnotationFile, writeFileAtomic, type Annotation, type AnnotationFile } from '../src/core/store';

const RUNS = 9;
const TARGET_RATIO = 2;

/** One variant of the file (without or with comments) and what the operations need of it. */
interface Variant {
  name: string;
  text: string;
  /** The two sides of a merge, each changing a tenth of the annotations as a teammate would. */
  ours: string;
  theirs: string;
  /** How many comments the merge of both sides holds, and `theirs` with the local change. */
  mergedComments: number;
  reloadedComments: number;
  /** The local change made before a save or a reload. */
  change(store: AnnotationStore, run: number): void;
}

function parsed(text: string): AnnotationFile {
  const result = parseAnnotationFile(text);
  if (result.kind !== 'ok') throw new Error('bench file invalid');
  return result.file;
}

function commentCount(annotations: readonly Annotation[]): number {
  return annotations.reduce((sum, a) => sum + (a.comments?.length ?? 0), 0);
}

/**
 * A side of a merge: every tenth annotation from `offset` changed; without comments a note
 * (`offset` 0) or a status, with comments also a reply, and on the other side an approval. With
 * `bothReply`, every twentieth annotation gets a reply on this side too, so that both sides reply
 * to the same threads.
 */
function side(base: AnnotationFile, offset: number, discussed: boolean, seed: number): string {
  const draw = changeDraw(seed);
  const annotations = base.annotations.map((a, i): Annotation => {
    const changed = i % 10 === offset;
    const alsoReply = discussed && offset !== 0 && i % 20 === 0;
    if (!changed && !alsoReply) return a;
    const modified = new Date(Date.parse(a.modified) + 86_400_000).toISOString();
    const reply = discussed ? [benchComment(draw, a.modified)] : [];
    if (alsoReply) return { ...a, modified, comments: [...(a.comments ?? []), ...reply] };
    if (offset === 0) return { ...a, note: passage(draw, 20, 160), modified, comments: discussed ? [...(a.comments ?? []), ...reply] : a.comments };
    if (!discussed) return { ...a, status: 'disputed', modified };
    return { ...a, review: { by: reply[0].author, at: modified, result: 'approved', status: a.status }, modified, comments: [...(a.comments ?? []), ...reply] };
  });
  return serializeAnnotationFile({ version: base.version, annotations });
}

function variant(name: string, text: string, discussed: boolean): Variant {
  const base = parsed(text);
  const draw = changeDraw(31);
  return {
    name,
    text,
    ours: side(base, 0, discussed, 41),
    theirs: side(base, 5, discussed, 43),
    // Every annotation's comments, a reply on a tenth from each side, and on a twentieth from theirs.
    mergedComments: discussed ? FILE_ANNOTATIONS * COMMENTS_PER_ANNOTATION + FILE_ANNOTATIONS / 10 + FILE_ANNOTATIONS / 10 + FILE_ANNOTATIONS / 20 : 0,
    reloadedComments: discussed ? FILE_ANNOTATIONS * COMMENTS_PER_ANNOTATION + FILE_ANNOTATIONS / 10 + FILE_ANNOTATIONS / 20 + 1 : 0,
    change(store, run) {
      const first = store.annotations[0];
      if (!discussed) store.update(first.id, { note: `${first.note} (Lauf ${run})` });
      else store.update(first.id, { comments: [...(first.comments ?? []), benchComment(draw, first.modified)] });
    },
  };
}

/** A workspace folder holding an annotation file with `text`. */
function workspace(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ainews-bench-'));
  mkdirSync(join(dir, '.ainews'));
  writeFileSync(join(dir, '.ainews', 'annotations.json'), text);
  return dir;
}

function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** One timed operation: the ms of one run on a variant (its preparation is not timed), and of its floor. */
interface Operation {
  label: string;
  time(v: Variant, dir: string, run: number): Promise<number>;
  /** The floor's ms: reading `reads` of the variant's texts and writing `writes` files, with nothing but JSON.parse and JSON.stringify. */
  floor: { reads: (v: Variant) => string[]; writes: number };
}

/**
 * The floor of an operation on a variant: its `reads` texts read from files and parsed, then the
 * variant's file (parsed before the clock starts) stringified and written atomically `writes` times.
 */
async function timeFloor(v: Variant, floor: Operation['floor'], dir: string): Promise<number> {
  const paths = floor.reads(v).map((text, i) => {
    const path = join(dir, `floor${i}.json`);
    writeFileSync(path, text);
    return path;
  });
  const value: unknown = JSON.parse(v.text);
  const start = process.hrtime.bigint();
  for (const path of paths) JSON.parse(await readFile(path, 'utf8'));
  for (let i = 0; i < floor.writes; i += 1) await writeFileAtomic(join(dir, 'floor-out.json'), `${JSON.stringify(value, null, 2)}\n`);
  return since(start);
}

const OPEN: Operation = {
  label: 'open: read + parse + validate + index',
  async time(v, dir) {
    writeFileSync(join(dir, '.ainews', 'annotations.json'), v.text);
    const start = process.hrtime.bigint();
    const store = await AnnotationStore.open(dir);
    const count = store.annotations.length;
    const ms = since(start);
    if (count !== FILE_ANNOTATIONS || store.readOnlyReason) throw new Error(`open: ${count} annotations, ${store.readOnlyReason ?? 'writable'}`);
    store.dispose();
    return ms;
  },
  floor: { reads: (v) => [v.text], writes: 0 },
};

/** Opens the store on the file, makes `savesBefore` saved changes, then times one more change's save. */
async function timeSave(v: Variant, dir: string, run: number, savesBefore: number): Promise<number> {
  writeFileSync(join(dir, '.ainews', 'annotations.json'), v.text);
  const store = await AnnotationStore.open(dir);
  for (let i = 0; i < savesBefore; i++) {
    v.change(store, run);
    await store.save();
  }
  v.change(store, run);
  const start = process.hrtime.bigint();
  const result = await store.save();
  const ms = since(start);
  if (result.kind !== 'written') throw new Error(`save did not write: ${JSON.stringify(result)}`);
  store.dispose();
  return ms;
}

const SAVE: Operation = {
  label: 'save: one change serialised + written (the first save)',
  time: (v, dir, run) => timeSave(v, dir, run, 0),
  floor: { reads: () => [], writes: 1 },
};

const LATER_SAVE: Operation = {
  label: 'a later save: one more change, the store saved once before',
  time: (v, dir, run) => timeSave(v, dir, run, 1),
  floor: { reads: () => [], writes: 1 },
};

const MERGE_DRIVER: Operation = {
  label: 'merge driver: read base, ours, theirs + merge + write',
  async time(v, dir) {
    const [base, ours, theirs] = ['base', 'ours', 'theirs'].map((name) => join(dir, `${name}.json`));
    writeFileSync(base, v.text);
    writeFileSync(ours, v.ours);
    writeFileSync(theirs, v.theirs);
    const start = process.hrtime.bigint();
    const outcome = await runMergeDriverOnFiles(base, ours, theirs);
    const ms = since(start);
    if (outcome.kind !== 'merged') throw new Error(`the merge driver did not merge: ${JSON.stringify(outcome)}`);
    const comments = commentCount(parsed(readFileSync(ours, 'utf8')).annotations);
    if (comments !== v.mergedComments) throw new Error(`the merge kept ${comments} comments, not ${v.mergedComments}`);
    return ms;
  },
  floor: { reads: (v) => [v.text, v.ours, v.theirs], writes: 1 },
};

const RELOAD: Operation = {
  label: "reload: the watcher's merge of a pulled file into a changed store",
  async time(v, dir, run) {
    const file = join(dir, '.ainews', 'annotations.json');
    writeFileSync(file, v.text);
    const store = await AnnotationStore.open(dir);
    v.change(store, run);
    writeFileSync(file, v.theirs);
    const start = process.hrtime.bigint();
    await store.reloadFromDisk();
    const ms = since(start);
    const comments = commentCount(store.annotations);
    if (store.pending.length !== 1 || comments !== v.reloadedComments) throw new Error(`reload: ${store.pending.length} pending changes, ${comments} comments`);
    store.dispose();
    return ms;
  },
  floor: { reads: (v) => [v.theirs], writes: 0 },
};

interface Comparison {
  plainMs: number;
  discussedMs: number;
  ratios: number[];
  /** The ratio of the floors' medians. */
  floorRatio: number;
}

/** Median ms of each variant, the per-run ratios and the floors' ratio, runs interleaved so that the load of the machine hits all alike. */
async function compare(operation: Operation, plain: Variant, discussed: Variant): Promise<Comparison> {
  const dirs = [workspace(plain.text), workspace(discussed.text)];
  try {
    const plainTimes: number[] = [];
    const discussedTimes: number[] = [];
    const plainFloors: number[] = [];
    const discussedFloors: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const p = await operation.time(plain, dirs[0], run);
      const d = await operation.time(discussed, dirs[1], run);
      const pf = await timeFloor(plain, operation.floor, dirs[0]);
      const df = await timeFloor(discussed, operation.floor, dirs[1]);
      if (run === 0) continue; // warm-up
      plainTimes.push(p);
      discussedTimes.push(d);
      plainFloors.push(pf);
      discussedFloors.push(df);
    }
    return { plainMs: median(plainTimes), discussedMs: median(discussedTimes), ratios: discussedTimes.map((d, i) => d / plainTimes[i]), floorRatio: median(discussedFloors) / median(plainFloors) };
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the version-2 table: per operation, both figures, their ratio and the spread of the per-run ratios. */
export async function benchDiscussion(): Promise<string[][]> {
  const files = makeBenchFiles();
  const plain = variant('no comments', files.plain, false);
  const discussed = variant('5 comments each', files.discussed, true);
  const mb = (text: string) => `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
  const rows: string[][] = [];
  for (const operation of [OPEN, SAVE, LATER_SAVE, MERGE_DRIVER, RELOAD]) {
    const { plainMs, discussedMs, ratios, floorRatio } = await compare(operation, plain, discussed);
    const ratio = discussedMs / plainMs;
    const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    rows.push([operation.label, plainMs.toFixed(1), discussedMs.toFixed(1), `${ratio.toFixed(2)}× (runs ${spread})`, `${floorRatio.toFixed(2)}×`, `${TARGET_RATIO}×`, ratio <= TARGET_RATIO ? 'ok' : 'MISSED']);
  }
  rows.push(['file size', mb(files.plain), mb(files.discussed), `${(Buffer.byteLength(files.discussed) / Buffer.byteLength(files.plain)).toFixed(2)}×`, '', '', '']);
  return rows;
}
