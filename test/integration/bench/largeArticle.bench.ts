/**
 * `npm run bench:editor`: a 1 MB article of distinct lines (no block's analysis can be reused from
 * another copy) in the real VS Code. Measures, next to a baseline taken in the same run (the same
 * text opened as a file that is not an article):
 * - the time from opening the article until the first highlights are painted in the visible range,
 *   and until the rest of the article (analysed in idle-time slices) is complete;
 * - the longest time the extension host's event loop was blocked while the article opened;
 * - per keystroke, the longest time the extension host's event loop was blocked (a 1 ms interval
 *   timer measures the gaps), while 50 single-character edits are typed and each is re-analysed
 *   and repainted; the baseline types the same keystrokes into the plain file. Garbage collection
 *   pauses (a PerformanceObserver) are counted per keystroke, since V8 collects whenever it must,
 *   whoever allocated; and the CPU time the extension host used per keystroke, which unlike a
 *   block does not grow while the process waits for a core.
 * - the same keystrokes into the article with 200 annotations on it (the normal case), how many
 *   analyses 20 keys 100 ms apart cause, and the longest block while the annotated article is saved;
 * - the longest block of a hover and of the light bulb in the first seconds after opening the article;
 * - what the views' reaction to a published snapshot costs (decorations, and the other views).
 * Prints a table and writes test-results/editor-bench.json. Asserts behaviour, not timings.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { contentHash } from '../../../src/core/review/contentHash';
import { makeQuote } from '../../../src/core/store/anchor';
import type { AiNewsApi } from '../../../src/editor/testApi';
import { EXTENSION_ID, annotationFilePath, annotationsOnDisk, closeAllEditors, extensionApi, waitFor, workspacePath } from '../helpers';

const TARGET_BYTES = 1024 * 1024;
const EDITS = 50;
const ANNOTATIONS = 200;

/** The seed articles again and again, every line marked with its copy so that no two lines are the same. */
function largeArticle(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const seeds = path.join(extension.extensionPath, 'seeds');
  const texts = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seeds, f), 'utf8').replace(/^ date \d{4}-\d{2} /, ''));
  let text = ' date 2025-01 KI-Nachrichten, gesammelt\n\n';
  for (let i = 0; Buffer.byteLength(text) < TARGET_BYTES; i++) {
    text += `${texts[i % texts.length].split('\n').map((line) => (line.trim() ? `${line} (${i})` : line)).join('\n')}\n\n`;
  }
  return text;
}

/** An annotation file with ANNOTATIONS verdicts on sentences spread evenly through the article. */
function annotationFileFor(article: string, text: string): string {
  const hash = contentHash(text);
  const annotations = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const from = text.indexOf('. ', Math.floor(((i + 0.5) / ANNOTATIONS) * text.length)) + 2;
    const end = text.indexOf('.', from + 20) + 1;
    annotations.push({
      id: `bench-${String(i).padStart(3, '0')}`, article, status: (['verified', 'disputed', 'outdated'] as const)[i % 3],
      quote: makeQuote(text, from, end), position: { start: from, end }, note: `Anmerkung ${i}`,
      created: '2025-02-01T10:00:00.000Z', modified: '2025-02-01T10:00:00.000Z', author: 'Bench', articleHash: hash,
    });
  }
  return JSON.stringify({ version: 1, annotations }, null, 2) + '\n';
}

/**
 * With AINEWS_BENCH_PROFILE=folder, records a CPU profile (50 µs samples) of the first keystrokes
 * into that folder, to see what blocks them; the profiler slows them down, so figures of such a run
 * are not comparable.
 */
async function startProfile(name = 'first-keystrokes'): Promise<(() => Promise<void>) | undefined> {
  const folder = process.env.AINEWS_BENCH_PROFILE;
  if (!folder) return undefined;
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = <T = unknown>(method: string, params: object = {}): Promise<T> =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 50 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: object }>('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
  };
}

/**
 * Time on a core and waiting for one, in ms, from Linux's per-thread schedstat (zeros where there
 * is none): the extension host's main thread (the event loop), and its other threads summed (V8's
 * compiler and collector helpers, libuv's pool) when `others`. A block that was mostly waiting for a
 * core was the machine's load, not work; the other threads' time is work the process does besides.
 */
interface ThreadTimes {
  runMs: number;
  waitMs: number;
  othersRunMs: number;
  /**
   * The main thread's voluntary context switches: it went to sleep (a lock, a futex, a read) rather
   * than being preempted. A block with none that is neither on a core nor waiting was taken by the
   * hypervisor (`stolenMs`): Linux counts a vCPU's stolen time in neither figure.
   */
  sleeps: number;
  /** The machine's steal time (every CPU, /proc/stat; 10 ms steps): time the hypervisor ran others. */
  stolenMs: number;
}

function schedstatOf(task: string): [number, number] {
  try {
    const [run, wait] = fs.readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ').map(Number);
    return [run / 1e6, wait / 1e6];
  } catch {
    return [0, 0]; // not Linux, or a thread that just ended
  }
}

/** A number read from a /proc file (0 where there is none). */
function procNumber(file: string, pattern: RegExp): number {
  try {
    return Number(pattern.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function threadTimes(others = false): ThreadTimes {
  const [runMs, waitMs] = schedstatOf(String(process.pid));
  let othersRunMs = 0;
  if (others && fs.existsSync('/proc/self/task')) {
    for (const task of fs.readdirSync('/proc/self/task')) if (task !== String(process.pid)) othersRunMs += schedstatOf(task)[0];
  }
  const sleeps = procNumber(`/proc/self/task/${process.pid}/status`, /^voluntary_ctxt_switches:\s+(\d+)/m);
  // The eighth figure of the first line, in USER_HZ (100 a second).
  const stolenMs = 10 * procNumber('/proc/stat', /^cpu\s+(?:\d+\s+){7}(\d+)/);
  return { runMs, waitMs, othersRunMs, sleeps, stolenMs };
}

function timesSince(before: ThreadTimes, after: ThreadTimes): ThreadTimes {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    runMs: round(after.runMs - before.runMs), waitMs: round(after.waitMs - before.waitMs), othersRunMs: round(after.othersRunMs - before.othersRunMs),
    sleeps: after.sleeps - before.sleeps, stolenMs: after.stolenMs - before.stolenMs,
  };
}

/** Blocks longer than this are listed with what the main thread did in them (see blockProbe). */
const LONG_GAP_MS = 16;

/** A block of the event loop over LONG_GAP_MS: its length, and the main thread's time on a core and waiting in it. */
interface LongGap extends ThreadTimes {
  ms: number;
  /** Between these probe ticks (performance.now()). */
  from: number;
  to: number;
}

/** A long block as the results file has it: without its clock times, with the collector's pauses in it. */
type GapCost = Omit<LongGap, 'from' | 'to'> & { gcMs: number };

/** The garbage-collection pauses that began between `from` and `to`, summed. */
function gcIn(pauses: { at: number; ms: number }[], { from, to }: { from: number; to: number }): number {
  return Math.round(pauses.filter((p) => p.at >= from && p.at < to).reduce((sum, p) => sum + p.ms, 0) * 10) / 10;
}

/** The long blocks with the collector's pauses that began in each: a main thread asleep in a block may be joining the collector's helper threads. */
function gapCosts(gaps: LongGap[], pauses: { at: number; ms: number }[]): GapCost[] {
  return gaps.map(({ from, to, ...gap }) => ({ ...gap, gcMs: gcIn(pauses, { from, to }) }));
}

/**
 * Records the longest gap of a 1 ms interval timer: how long the event loop was blocked, and when.
 * With `schedstat`, also how much of the longest gap the main thread ran and waited for a core (read
 * every tick: a few microseconds each, so only for short windows).
 */
function blockProbe(schedstat = false): { stop(): number; reset(): void; worst(): number; worstGap(): { from: number; to: number }; worstTimes(): ThreadTimes | undefined; longGaps(): LongGap[] } {
  let last = performance.now();
  let lastTimes = schedstat ? threadTimes() : undefined;
  let worst = 0;
  let gap = { from: last, to: last };
  let gapTimes: ThreadTimes | undefined;
  const long: LongGap[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const times = lastTimes && threadTimes();
    if (times && lastTimes && now - last - 1 > LONG_GAP_MS) long.push({ ms: Math.round(now - last - 1), from: last, to: now, ...timesSince(lastTimes, times) });
    if (now - last - 1 > worst) {
      worst = now - last - 1;
      gap = { from: last, to: now };
      gapTimes = times && lastTimes && timesSince(lastTimes, times);
    }
    last = now;
    lastTimes = times;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return worst;
    },
    reset: () => {
      worst = 0;
      last = performance.now();
      gap = { from: last, to: last };
      gapTimes = undefined;
    },
    worst: () => worst,
    worstGap: () => gap,
    worstTimes: () => gapTimes,
    longGaps: () => long,
  };
}

/** Something that happened in the extension host while typing, and when (performance.now()). */
interface Moment {
  what: 'edit' | 'paint' | 'views';
  at: number;
  /** For a paint: what it took; for the views: the analysis slice's time (lastAnalysisMs). */
  ms?: number;
}

/**
 * Records when the document's edits arrive in the extension host (after our listener), when it is
 * painted and when every view has taken a snapshot (listeners registered after ours), so that a
 * keystroke's longest block can be matched with the turn it fell in.
 */
function moments(document: vscode.TextDocument, api?: AiNewsApi): { list: Moment[]; dispose(): void } {
  const list: Moment[] = [];
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length > 0) list.push({ what: 'edit', at: performance.now() });
    }),
    ...(api
      ? [
        api.onDidPaint((e) => {
          if (e.document === document) list.push({ what: 'paint', at: performance.now(), ms: api.lastPaintMs() });
        }),
        api.onDidChangeArticle((e) => {
          if (e.document === document) list.push({ what: 'views', at: performance.now(), ms: api.lastAnalysisMs(document) });
        }),
      ]
      : []),
  ];
  return { list, dispose: () => subscriptions.forEach((s) => s.dispose()) };
}

/** One keystroke's window: its longest block, where it lay and what happened, in ms from the keystroke. */
interface KeystrokeDetail {
  block: number;
  gc: number;
  cpu: number;
  /** The main thread in the whole window (read at its start and end only: a read every tick would cost more than a keystroke). */
  times: ThreadTimes;
  /** The longest block lay between these (the probe's ticks before and after it). */
  blockFrom: number;
  blockTo: number;
  /** What happened in the window; `inBlock` marks what fell inside the longest block. */
  moments: (Omit<Moment, 'at'> & { at: number; inBlock?: true })[];
}

/** Per keystroke: the longest event-loop block and the garbage collection pauses in its window. */
interface Typing {
  blocks: number[];
  /**
   * The CPU time the extension host used in each keystroke's window (all its threads: the compiler
   * and the collector too). Unlike a block's wall time, it does not grow while the process waits for
   * a core, which on a shared machine is most of a long block.
   */
  cpu: number[];
  gc: number[];
  longestGcMs: number;
  /** Extensions (other than ours) that were activated while typing, with the keystroke they came in. */
  activated: { id: string; keystroke: number }[];
  details: KeystrokeDetail[];
}

/** The ids of the extensions active now. */
function activeExtensions(): Set<string> {
  return new Set(vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id));
}

/** V8's garbage-collection pauses from now until `stop` (which waits a little: the observer reports late). */
function gcPauses(): { stop(): Promise<{ at: number; ms: number }[]> } {
  const pauses: { at: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return pauses;
    },
  };
}

/**
 * Types EDITS single characters at `offset`, one after the other; `settle` waits for what follows a
 * keystroke (given the promise of the edit). A 20 ms pause after each lets deferred timers run.
 */
async function typeKeystrokes(editor: vscode.TextEditor, offset: number, settle: (i: number, typed: Thenable<boolean>) => Promise<void>, api?: AiNewsApi): Promise<Typing> {
  const gc = gcPauses();
  const windows: { from: number; to: number; gap: { from: number; to: number } }[] = [];
  const happened = moments(editor.document, api);
  const blocks: number[] = [];
  const cpu: number[] = [];
  const times: ThreadTimes[] = [];
  const probe = blockProbe();
  const insertAt = editor.document.positionAt(offset);
  const activated: Typing['activated'] = [];
  let active = activeExtensions();
  for (let i = 0; i < EDITS; i++) {
    probe.reset();
    const from = performance.now();
    const cpuBefore = process.cpuUsage();
    const timesBefore = threadTimes();
    const typed = editor.edit((b) => b.insert(insertAt.translate(0, i), 'x'));
    await settle(i, typed);
    await typed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const used = process.cpuUsage(cpuBefore);
    times.push(timesSince(timesBefore, threadTimes()));
    windows.push({ from, to: performance.now(), gap: probe.worstGap() });
    blocks.push(probe.worst());
    cpu.push((used.user + used.system) / 1000);
    const now = activeExtensions();
    for (const id of now) if (!active.has(id)) activated.push({ id, keystroke: i });
    active = now;
  }
  probe.stop();
  const pauses = await gc.stop();
  happened.dispose();
  const inWindow = (w: { from: number; to: number }) => pauses.filter((p) => p.at >= w.from && p.at < w.to);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const details = windows.map((w, i): KeystrokeDetail => ({
    block: round(blocks[i]),
    gc: gcIn(pauses, w),
    cpu: round(cpu[i]),
    times: times[i],
    blockFrom: round(w.gap.from - w.from),
    blockTo: round(w.gap.to - w.from),
    moments: happened.list.filter((m) => m.at >= w.from && m.at < w.to).map((m) => ({
      ...m,
      at: round(m.at - w.from),
      ...(m.ms === undefined ? {} : { ms: round(m.ms) }),
      ...(m.at > w.gap.from && m.at <= w.gap.to ? { inBlock: true as const } : {}),
    })),
  }));
  return {
    details,
    blocks,
    cpu,
    gc: windows.map((w) => gcIn(pauses, w)),
    longestGcMs: Math.max(0, ...windows.flatMap((w) => inWindow(w).map((p) => p.ms))),
    activated,
  };
}

/**
 * Times the views' reaction to each snapshot of a document: the painter listens first and reports
 * its own time (lastPaintMs) as it fires onDidPaint; this listener, registered after every view, sees
 * when the others are done. `complete` is true for a snapshot of the whole analysis.
 */
function viewsReaction(api: AiNewsApi, document: vscode.TextDocument): { reactions: { paintMs: number; othersMs: number; complete: boolean }[]; dispose(): void } {
  const reactions: { paintMs: number; othersMs: number; complete: boolean }[] = [];
  let painted: { at: number; ms: number } | undefined;
  const paint = api.onDidPaint((e) => {
    if (e.document === document) painted = { at: performance.now(), ms: api.lastPaintMs() };
  });
  const change = api.onDidChangeArticle((e) => {
    if (e.document !== document) return;
    if (painted) reactions.push({ paintMs: painted.ms, othersMs: performance.now() - painted.at, complete: e.snapshot.complete });
    painted = undefined;
  });
  return { reactions, dispose: () => [paint, change].forEach((d) => d.dispose()) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Waits until the editor is painted for the document's version after `typed` (without it, the
 * current version). The version is read once the edit is applied: before, a paint of the previous
 * keystroke's version would pass for this one's.
 */
function paintedNow(api: AiNewsApi, editor: vscode.TextEditor, typed?: Thenable<boolean>): Promise<void> {
  return new Promise<void>((resolve) => {
    let target = typed ? undefined : editor.document.version;
    const subscription = api.onDidPaint((e) => {
      if (e.document === editor.document && target !== undefined && api.analysisComplete(editor.document) && api.snapshot(editor.document)?.version === target) {
        subscription.dispose();
        resolve();
      }
    });
    const failed = () => {
      subscription.dispose();
      resolve();
    };
    typed?.then((applied) => (applied ? (target = editor.document.version) : failed()), failed);
  });
}

/**
 * Typing pauses: the painter sends the types it sent while typing once more a second after the last
 * keystroke's paint (see DecorationPainter.settleLater). The longest block in the 1.3 s after the
 * typing, and the longest paint in it.
 */
async function pauseAfterTyping(api: AiNewsApi, editor: vscode.TextEditor): Promise<{ block: number; paintMs: number; paints: number }> {
  let paintMs = 0;
  let paints = 0;
  const subscription = api.onDidPaint((e) => {
    if (e.document !== editor.document) return;
    paints += 1;
    paintMs = Math.max(paintMs, api.lastPaintMs());
  });
  const block = await blockDuring(() => new Promise((resolve) => setTimeout(resolve, 1300)));
  subscription.dispose();
  return { block, paintMs, paints };
}

/** The longest event-loop block while `action` runs and for `afterMs` after it. */
async function blockDuring(action: () => Thenable<unknown>, afterMs = 0): Promise<number> {
  return (await blockAndCpuDuring(action, afterMs)).block;
}

/** A window's longest block, its wall time and the CPU time the extension host used in it. */
interface WindowCost {
  block: number;
  wallMs: number;
  cpuMs: number;
  /** The main thread in the longest block: on a core, and waiting for one (Linux; else absent). */
  blockTimes?: ThreadTimes;
  /** The main thread in the whole window, and the other threads' time on a core. */
  times: ThreadTimes;
  /** With schedstat: every block over LONG_GAP_MS. */
  longGaps: GapCost[];
  /** Garbage-collection pauses (V8's 'gc' entries) that began in the longest block, summed. */
  blockGcMs: number;
}

/**
 * {@link blockDuring}, with the window's wall time and the CPU time the extension host used in it
 * (all its threads: the compiler and the collector too). A long block in a window that used little
 * CPU was the process waiting for a core, not work: with `schedstat`, the main thread's own time on a
 * core and waiting for one in the longest block says so directly.
 */
async function blockAndCpuDuring(action: () => Thenable<unknown>, afterMs = 0, schedstat = false): Promise<WindowCost> {
  const gc = gcPauses();
  const probe = blockProbe(schedstat);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const times = threadTimes(true);
  await action();
  if (afterMs > 0) await new Promise((resolve) => setTimeout(resolve, afterMs));
  const used = process.cpuUsage(cpu);
  const block = probe.stop();
  const gap = probe.worstGap();
  const pauses = await gc.stop();
  return { block, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, blockTimes: probe.worstTimes(), times: timesSince(times, threadTimes(true)), longGaps: gapCosts(probe.longGaps(), pauses), blockGcMs: gcIn(pauses, gap) };
}

const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

/**
 * The first keystroke into an article with comment threads, and what follows it for at most 10 s
 * until VS Code's markdown extension is active. VS Code gives a comment thread's reply box a
 * markdown model (`commentinput-….md`), which activates its markdown extensions in our extension
 * host (`onLanguage:markdown`: markdown-language-features, markdown-math, extension-editing): once
 * per window, whoever made the threads (the bench has them activated before the baseline: see
 * activateMarkdown). Measured on its own, with the 1.5 s after it (markdown-math
 * comes a little after the markdown extension, and the painter's repaint a second after the
 * keystroke: see pauseAfterTyping), so that the keystrokes after it measure typing.
 */
async function firstKeystrokeWithThreads(editor: vscode.TextEditor, offset: number): Promise<{ block: number; activated: boolean }> {
  const markdown = vscode.extensions.getExtension(MARKDOWN_EXTENSION);
  const wasActive = markdown?.isActive ?? true;
  const block = await blockDuring(async () => {
    await editor.edit((b) => b.insert(editor.document.positionAt(offset), 'x'));
    for (const deadline = performance.now() + 10_000; !markdown?.isActive && performance.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 50));
  }, 1500);
  return { block, activated: !wasActive && markdown?.isActive === true };
}

/**
 * Has VS Code activate its markdown extensions (a markdown file opened), which the threads' reply
 * boxes would activate later (see firstKeystrokeWithThreads): the baseline and the article are then
 * typed into with the same extensions running in the extension host as the annotated article.
 */
async function activateMarkdown(): Promise<void> {
  const file = workspacePath('notes', 'activates-markdown.md');
  fs.writeFileSync(file, '# KI-Nachrichten\n');
  await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  for (const deadline = performance.now() + 10_000; !vscode.extensions.getExtension(MARKDOWN_EXTENSION)?.isActive && performance.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

/**
 * When what happened after a file was opened, in ms from the start: the document reaching the
 * extension host, each snapshot published (partial or complete) and painted, and the marks the
 * caller sets (the hover and light bulb asked and answered).
 */
function openingTimeline(api: AiNewsApi, file: string): { mark(what: string): void; stop(): string[] } {
  const started = performance.now();
  const events: string[] = [];
  const mark = (what: string) => events.push(`${Math.round(performance.now() - started)} ${what}`);
  const ours = (document: vscode.TextDocument) => document.uri.fsPath === file;
  const subscriptions = [
    vscode.workspace.onDidOpenTextDocument((document) => ours(document) && mark('opened')),
    api.onDidChangeArticle((e) => ours(e.document) && mark(e.snapshot.complete ? 'published (complete)' : 'published')),
    api.onDidPaint((e) => ours(e.document) && mark('painted')),
  ];
  return { mark, stop: () => (subscriptions.forEach((s) => s.dispose()), events) };
}

async function openAndShow(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

describe('Editor benchmark: a 1 MB article', function () {
  this.timeout(300_000);
  const figures: Record<string, number> = {};
  /** What explains a figure (per-keystroke blocks, extensions activated meanwhile): written to the results file, not printed. */
  const details: Record<string, unknown> = {};

  after(() => {
    const rows = [
      ['VS Code opens a 1 MB text file, not an article (baseline)', figures.baselineOpenMs],
      ['  longest event-loop block while VS Code opens it (baseline)', figures.baselineBlockMs],
      ['VS Code opens the 1 MB article, until first highlights', figures.openArticleMs],
      ['  extension\'s share (article minus baseline)', figures.openArticleMs - figures.baselineOpenMs],
      ['  first slice of analysis, before the first highlights', figures.openAnalysisMs],
      ['  until the whole article is analysed (idle-time slices)', figures.openCompleteMs],
      ['  longest event-loop block while opening and analysing', figures.openBlockMs],
      ['  of which the extension\'s longest turn of analysis', figures.openLongestTurnMs],
      ['typing 50 keystrokes into the 1 MB text file, not an article (baseline)', null],
      ['  event-loop block, median (baseline)', figures.baselineKeystrokeBlockMedianMs],
      ['  extension host CPU time per keystroke, median (baseline)', figures.baselineKeystrokeCpuMedianMs],
      ['  longest event-loop block (baseline)', figures.baselineKeystrokeBlockMs],
      ['  keystrokes that blocked longer than 16 ms (baseline, count of 50)', figures.baselineKeystrokesOver16Ms],
      ['  longest garbage collection pause (baseline)', figures.baselineLongestGcPauseMs],
      ['keystroke: median re-analysis + repaint', figures.keystrokeMedianMs],
      ['keystroke: first edit re-analysis + repaint', figures.firstKeystrokeMs],
      ['  of which re-analysis', figures.firstKeystrokeAnalysisMs],
      ['  of which repaint', figures.firstKeystrokePaintMs],
      ['  garbage collection pauses during the first edit', figures.firstKeystrokeGcMs],
      ['keystroke: worst re-analysis + repaint', figures.keystrokeWorstMs],
      ['keystroke: event-loop block, median of 50 edits', figures.keystrokeBlockMedianMs],
      ['keystroke: extension host CPU time, median of 50 edits', figures.keystrokeCpuMedianMs],
      ['keystroke: event-loop block, first edit', figures.keystrokeFirstBlockMs],
      ['keystroke: longest event-loop block (50 edits)', figures.keystrokeBlockMs],
      ['keystrokes that blocked longer than 16 ms (count of 50)', figures.keystrokesOver16Ms],
      ['  of those, with a garbage collection pause (count)', figures.keystrokesOver16MsWithGc],
      ['  of those, without one (count)', figures.keystrokesOver16MsWithoutGc],
      ['longest garbage collection pause while typing', figures.longestGcPauseWhileTypingMs],
      ['typing pauses: longest block in the 1.3 s after', figures.pauseBlockMs],
      ['  the repaint a second after the last keystroke', figures.pausePaintMs],
      ['scroll to the middle: repaint', figures.scrollPaintMs],
      ['views\' reaction to the complete snapshot after opening: decorations', figures.openViewsPaintMs],
      ['  the other views (trees, threads, status bar, context keys)', figures.openViewsOthersMs],
      ['views\' reaction per keystroke\'s snapshot, median: decorations', figures.keystrokeViewsPaintMs],
      ['  the other views, median', figures.keystrokeViewsOthersMs],
      ['  decorations + other views, longest of 50', figures.keystrokeViewsLongestMs],
      ['the first keystroke into the article with 200 annotations (threads), + 1.5 s', figures.annotatedFirstKeystrokeBlockMs],
      ['  VS Code activated its markdown extensions for the threads\' reply boxes (count)', figures.annotatedMarkdownActivatedCount],
      ['typing 50 keystrokes into the 1 MB article with 200 annotations, after that one', null],
      ['  event-loop block, median', figures.annotatedKeystrokeBlockMedianMs],
      ['  extension host CPU time per keystroke, median', figures.annotatedKeystrokeCpuMedianMs],
      ['  longest event-loop block', figures.annotatedKeystrokeBlockMs],
      ['  keystrokes that blocked longer than 16 ms (count of 50)', figures.annotatedKeystrokesOver16Ms],
      ['  of those, without a garbage collection pause (count)', figures.annotatedKeystrokesOver16MsWithoutGc],
      ['  views\' reaction per keystroke\'s snapshot, median: decorations', figures.annotatedViewsPaintMs],
      ['    the other views, median', figures.annotatedViewsOthersMs],
      ['    decorations + other views, longest of 50', figures.annotatedViewsLongestMs],
      ['  typing pauses: longest block in the 1.3 s after', figures.annotatedPauseBlockMs],
      ['    the repaint a second after the last keystroke', figures.annotatedPausePaintMs],
      ['  analyses for 20 keys 100 ms apart (count)', figures.annotatedAnalysesFor20Keys],
      ['  the keystroke with the longest block (index, counting from 0)', figures.annotatedLongestKeystroke],
      ['  saving it: longest event-loop block', figures.annotatedSaveBlockMs],
      ['  saving it: until the positions are written', figures.annotatedSaveMs],
      ['hover 120 ms after opening the 1 MB article: longest block', figures.hoverAfterOpenBlockMs],
      ['  the same in the plain file (baseline)', figures.baselineHoverAfterOpenBlockMs],
      ['  of it, the main thread on a core', figures.hoverAfterOpenBlockRunMs],
      ['  of it, the main thread waiting for a core', figures.hoverAfterOpenBlockWaitMs],
      ['  garbage-collection pauses that began in it', figures.hoverAfterOpenBlockGcMs],
      ['  the main thread went to sleep in it (count)', figures.hoverAfterOpenBlockSleeps],
      ['  the machine\'s steal time in it (all CPUs, 10 ms steps)', figures.hoverAfterOpenBlockStolenMs],
      ['light bulb after the cursor rests: longest block', figures.lightBulbAfterOpenBlockMs],
      ['  the same in the plain file (baseline)', figures.baselineLightBulbAfterOpenBlockMs],
      ['  of it, the main thread on a core', figures.lightBulbAfterOpenBlockRunMs],
      ['  of it, the main thread waiting for a core', figures.lightBulbAfterOpenBlockWaitMs],
      ['  garbage-collection pauses that began in it', figures.lightBulbAfterOpenBlockGcMs],
      ['  the main thread went to sleep in it (count)', figures.lightBulbAfterOpenBlockSleeps],
      ['  the machine\'s steal time in it (all CPUs, 10 ms steps)', figures.lightBulbAfterOpenBlockStolenMs],
      ['hover and light bulb: the extension\'s longest turn of analysis', figures.hoverWindowLongestTurnMs],
    ];
    console.log('\n  1 MB article in VS Code', vscode.version);
    for (const [label, value] of rows) {
      if (value === null) {
        console.log(`  ${label}`);
        continue;
      }
      const count = String(label).includes('count');
      const shown = typeof value === 'number' && !Number.isNaN(value) ? value.toFixed(count ? 0 : 1).padStart(8) : '     n/a';
      console.log(`  ${String(label).padEnd(58)} ${shown}${count ? '' : ' ms'}`);
    }
    for (const [key, value] of Object.entries(details)) if (key.startsWith('activated') || key.startsWith('hoverAndLightBulb')) console.log(`  ${key}: ${JSON.stringify(value)}`);
    const out = process.env.AINEWS_BENCH_RESULTS;
    if (out) fs.writeFileSync(out, JSON.stringify({ vscode: vscode.version, bytes: TARGET_BYTES, ...figures, details }, null, 2) + '\n');
  });

  it('opens, highlights and follows typing', async () => {
    const api = await extensionApi();
    await closeAllEditors();
    const text = largeArticle();
    const article = workspacePath('articles', 'large-1mb.txt');
    const plain = workspacePath('notes', 'large-1mb.txt');
    fs.mkdirSync(path.dirname(article), { recursive: true });
    fs.mkdirSync(path.dirname(plain), { recursive: true });
    fs.writeFileSync(article, text);
    // Without the leading date line and outside the article globs: VS Code opens it, the extension leaves it alone.
    fs.writeFileSync(plain, text.replace(/^ date \d{4}-\d{2} /, ''));

    await activateMarkdown();
    details.activatedBeforeTyping = [...activeExtensions()].filter((id) => id.startsWith('vscode.markdown') || id === 'vscode.extension-editing');
    const warmUp = workspacePath('notes', 'warm-up.txt');
    fs.writeFileSync(warmUp, text.replace(/^ date \d{4}-\d{2} /, '').replace(/KI/g, 'AI'));
    await openAndShow(warmUp); // the first large file VS Code opens pays for warming up
    await closeAllEditors();
    const baselineProbe = blockProbe();
    let started = performance.now();
    await openAndShow(plain);
    figures.baselineOpenMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    figures.baselineBlockMs = baselineProbe.stop();
    // The same keystrokes with the same pauses (the debounce, a repaint, the deferred summaries).
    const baselineEditor = vscode.window.activeTextEditor!;
    const baselineTyping = await typeKeystrokes(baselineEditor, text.indexOf('\n\n', 5000) + 2, () => new Promise((resolve) => setTimeout(resolve, 330)));
    figures.baselineKeystrokeBlockMedianMs = median(baselineTyping.blocks);
    figures.baselineKeystrokeCpuMedianMs = median(baselineTyping.cpu);
    figures.baselineKeystrokeBlockMs = Math.max(...baselineTyping.blocks);
    figures.baselineKeystrokesOver16Ms = baselineTyping.blocks.filter((b) => b > 16).length;
    figures.baselineLongestGcPauseMs = baselineTyping.longestGcMs;
    details.baselineKeystrokes = baselineTyping.details;
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();

    const probe = blockProbe();
    started = performance.now();
    const painted = new Promise<void>((resolve) => {
      const subscription = api.onDidPaint((e) => {
        const spans = api.decorations(e.document.uri);
        if (e.document.uri.fsPath === article && spans && spans.claim.length + spans.number.length > 0) {
          // Read now: the idle-time slices that follow overwrite it.
          figures.openAnalysisMs = api.lastAnalysisMs(e.document) ?? NaN;
          subscription.dispose();
          resolve();
        }
      });
    });
    let completeAt = 0;
    const analysed = new Promise<void>((resolve) => {
      const subscription = api.onDidChangeArticle(({ document }) => {
        if (document.uri.fsPath === article && api.analysisComplete(document)) {
          completeAt = performance.now();
          subscription.dispose();
          resolve();
        }
      });
    });
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(article));
    const views = viewsReaction(api, document);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await painted;
    const paintedAt = performance.now();
    figures.openArticleMs = paintedAt - started;
    await analysed;
    figures.openCompleteMs = completeAt - started;
    figures.openBlockMs = probe.stop();
    figures.openLongestTurnMs = api.longestAnalysisMs(editor.document) ?? NaN;
    const opened = views.reactions.filter((r) => r.complete).at(-1);
    figures.openViewsPaintMs = opened?.paintMs ?? NaN;
    figures.openViewsOthersMs = opened?.othersMs ?? NaN;
    views.reactions.length = 0;
    assert.ok(api.analysisComplete(editor.document), 'the whole article is analysed');
    const visible = editor.visibleRanges[0];
    const first = api.decorations(editor.document.uri)!;
    assert.ok([...first.claim, ...first.number].some((s) => visible.contains(editor.document.positionAt(s.start))), 'highlights in the visible range');

    // Type single characters, each re-analysed and repainted before the next one.
    const analysisCosts: number[] = [];
    const paintCosts: number[] = [];
    const stopProfile = await startProfile();
    const typing = await typeKeystrokes(editor, text.indexOf('\n\n', 5000) + 2, async (i, typed) => {
      if (i === 3) await stopProfile?.();
      await paintedNow(api, editor, typed);
      analysisCosts.push(api.lastAnalysisMs(editor.document) ?? 0);
      paintCosts.push(api.lastPaintMs());
    }, api);
    const costs = analysisCosts.map((ms, i) => ms + paintCosts[i]);
    const typed = views.reactions.filter((r) => r.complete);
    figures.keystrokeViewsPaintMs = median(typed.map((r) => r.paintMs));
    figures.keystrokeViewsOthersMs = median(typed.map((r) => r.othersMs));
    figures.keystrokeViewsLongestMs = Math.max(...typed.map((r) => r.paintMs + r.othersMs));
    views.dispose();
    figures.firstKeystrokeAnalysisMs = analysisCosts[0];
    figures.firstKeystrokePaintMs = paintCosts[0];
    figures.firstKeystrokeGcMs = typing.gc[0];
    figures.keystrokeBlockMs = Math.max(...typing.blocks);
    figures.keystrokeBlockMedianMs = median(typing.blocks);
    figures.keystrokeCpuMedianMs = median(typing.cpu);
    figures.keystrokesOver16Ms = typing.blocks.filter((b) => b > 16).length;
    figures.keystrokesOver16MsWithGc = typing.blocks.filter((b, i) => b > 16 && typing.gc[i] > 0).length;
    figures.keystrokesOver16MsWithoutGc = figures.keystrokesOver16Ms - figures.keystrokesOver16MsWithGc;
    figures.longestGcPauseWhileTypingMs = typing.longestGcMs;
    figures.keystrokeFirstBlockMs = typing.blocks[0];
    const pause = await pauseAfterTyping(api, editor);
    figures.pauseBlockMs = pause.block;
    figures.pausePaintMs = pause.paintMs;
    details.activatedWhileTyping = typing.activated;
    details.articleKeystrokes = typing.details;
    figures.keystrokeMedianMs = median(costs);
    figures.keystrokeWorstMs = Math.max(...costs);
    figures.firstKeystrokeMs = costs[0];

    const middle = editor.document.positionAt(Math.floor(text.length / 2));
    const scrolled = new Promise<void>((resolve) => {
      const subscription = api.onDidPaint((e) => {
        if (e.document === editor.document) {
          subscription.dispose();
          resolve();
        }
      });
    });
    editor.revealRange(new vscode.Range(middle, middle), vscode.TextEditorRevealType.InCenter);
    await scrolled;
    figures.scrollPaintMs = api.lastPaintMs();
    const after = await waitFor(() => api.decorations(editor.document.uri), 'painted after the scroll');
    assert.ok(after.claim.length + after.number.length > 0, 'the middle is highlighted');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('follows typing into an annotated article, saves it, and answers hovers right after opening', async () => {
    const api = await extensionApi();
    await closeAllEditors();
    const text = largeArticle();
    const name = 'annotated-1mb.txt';
    const article = workspacePath('articles', name);
    fs.writeFileSync(article, text);
    fs.mkdirSync(path.dirname(annotationFilePath()), { recursive: true });
    const previousAnnotations = fs.existsSync(annotationFilePath()) ? fs.readFileSync(annotationFilePath(), 'utf8') : undefined;
    fs.writeFileSync(annotationFilePath(), annotationFileFor(`articles/${name}`, text));
    await vscode.commands.executeCommand('aiNews.rescan'); // reads the annotation file (not a test of the watcher)
    const editor = await openAndShow(article);
    await waitFor(() => api.analysisComplete(editor.document) && api.placedAnnotations(editor.document).length === ANNOTATIONS, 'analysed, with every annotation placed', 60_000);
    assert.ok(api.placedAnnotations(editor.document).every((p) => p.state === 'exact'), 'every annotation anchored');

    const offset = text.indexOf('\n\n', 5000) + 2;
    const first = await firstKeystrokeWithThreads(editor, offset);
    figures.annotatedFirstKeystrokeBlockMs = first.block;
    figures.annotatedMarkdownActivatedCount = first.activated ? 1 : 0;
    await waitFor(() => api.analysisComplete(editor.document) && api.snapshot(editor.document)?.version === editor.document.version, 'the first keystroke analysed', 20_000);
    const stopProfile = await startProfile('annotated-keystrokes');
    const annotatedViews = viewsReaction(api, editor.document);
    const typing = await typeKeystrokes(editor, offset, async (i, typed) => {
      if (i === 10) await stopProfile?.();
      await paintedNow(api, editor, typed);
    }, api);
    figures.annotatedKeystrokeBlockMedianMs = median(typing.blocks);
    figures.annotatedKeystrokeCpuMedianMs = median(typing.cpu);
    figures.annotatedKeystrokeBlockMs = Math.max(...typing.blocks);
    figures.annotatedKeystrokesOver16Ms = typing.blocks.filter((b) => b > 16).length;
    figures.annotatedKeystrokesOver16MsWithoutGc = typing.blocks.filter((b, i) => b > 16 && typing.gc[i] === 0).length;
    figures.annotatedLongestKeystroke = typing.blocks.indexOf(figures.annotatedKeystrokeBlockMs);
    details.annotatedKeystrokes = typing.details;
    details.activatedWhileTypingAnnotated = typing.activated;
    const annotatedTyped = annotatedViews.reactions.filter((r) => r.complete);
    figures.annotatedViewsPaintMs = median(annotatedTyped.map((r) => r.paintMs));
    figures.annotatedViewsOthersMs = median(annotatedTyped.map((r) => r.othersMs));
    figures.annotatedViewsLongestMs = Math.max(...annotatedTyped.map((r) => r.paintMs + r.othersMs));
    annotatedViews.dispose();
    const annotatedPause = await pauseAfterTyping(api, editor);
    figures.annotatedPauseBlockMs = annotatedPause.block;
    figures.annotatedPausePaintMs = annotatedPause.paintMs;

    // 20 keys, 100 ms apart: one analysis after the last, not one per key.
    const analysesBefore = api.analyses(editor.document) ?? 0;
    const insertAt = editor.document.positionAt(offset);
    for (let i = 0; i < 20; i++) {
      await editor.edit((b) => b.insert(insertAt, 'y'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await paintedNow(api, editor);
    figures.annotatedAnalysesFor20Keys = (api.analyses(editor.document) ?? 0) - analysesBefore;
    const moved = api.placedAnnotations(editor.document).filter((p) => p.span && p.span.start > offset);
    assert.ok(moved.length > ANNOTATIONS / 2, 'most annotations moved with the typing');

    // Saving writes the new positions of every annotation after the typing.
    const expected = moved[moved.length - 1];
    let saveStarted = 0;
    figures.annotatedSaveBlockMs = await blockDuring(async () => {
      saveStarted = performance.now();
      await editor.document.save();
      await waitFor(() => annotationsOnDisk().find((a) => a.id === expected.annotation.id)?.position.start === expected.span?.start, 'positions written', 20_000);
      figures.annotatedSaveMs = performance.now() - saveStarted;
    });

    // Hover and light bulb in the first seconds after opening the article again; the baseline does
    // the same in a plain file (VS Code itself blocks the extension host while it opens a large file).
    const hoverAndLightBulb = async (file: string, content: string): Promise<[WindowCost, WindowCost]> => {
      await closeAllEditors();
      fs.writeFileSync(file, content);
      const sinceOpening = threadTimes(true);
      const openingProbe = blockProbe(true);
      const openingGc = gcPauses();
      const timeline = openingTimeline(api, file);
      const opened = await openAndShow(file);
      timeline.mark('shown');
      await new Promise((resolve) => setTimeout(resolve, 120));
      const middle = opened.document.positionAt(content.indexOf('Prozent', content.length / 2));
      timeline.mark('hover');
      const hover = await blockAndCpuDuring(() => vscode.commands.executeCommand('vscode.executeHoverProvider', opened.document.uri, middle), 0, true);
      timeline.mark('hovered');
      opened.selection = new vscode.Selection(middle, middle);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the cursor rests
      timeline.mark('light bulb');
      const lightBulb = await blockAndCpuDuring(() => vscode.commands.executeCommand('vscode.executeCodeActionProvider', opened.document.uri, new vscode.Range(middle, middle)), 0, true);
      timeline.mark('light bulb answered');
      figures.hoverWindowLongestTurnMs = api.longestAnalysisMs(opened.document) ?? NaN;
      // From opening until after the light bulb: the main thread's time, every long block, and when what happened.
      const opening = { block: openingProbe.stop(), ...timesSince(sinceOpening, threadTimes(true)), timeline: timeline.stop() };
      const openingGaps = gapCosts(openingProbe.longGaps(), await openingGc.stop());
      details[`hoverAndLightBulb ${path.basename(path.dirname(file))}`] = { hover, lightBulb, opening: { ...opening, longGaps: openingGaps } };
      return [hover, lightBulb];
    };
    const [baselineHover, baselineLightBulb] = await hoverAndLightBulb(workspacePath('notes', 'hover-1mb.txt'), text.replace(/^ date \d{4}-\d{2} /, ''));
    figures.baselineHoverAfterOpenBlockMs = baselineHover.block;
    figures.baselineLightBulbAfterOpenBlockMs = baselineLightBulb.block;
    const stopHoverProfile = await startProfile('hover-after-open');
    const [hover, lightBulb] = await hoverAndLightBulb(workspacePath('articles', 'hover-1mb.txt'), text);
    await stopHoverProfile?.();
    figures.hoverAfterOpenBlockMs = hover.block;
    figures.lightBulbAfterOpenBlockMs = lightBulb.block;
    // What the longest blocks were made of: the main thread on a core, and waiting for one.
    figures.hoverAfterOpenBlockRunMs = hover.blockTimes?.runMs ?? NaN;
    figures.hoverAfterOpenBlockWaitMs = hover.blockTimes?.waitMs ?? NaN;
    figures.lightBulbAfterOpenBlockRunMs = lightBulb.blockTimes?.runMs ?? NaN;
    figures.lightBulbAfterOpenBlockWaitMs = lightBulb.blockTimes?.waitMs ?? NaN;
    figures.hoverAfterOpenBlockGcMs = hover.blockGcMs;
    figures.lightBulbAfterOpenBlockGcMs = lightBulb.blockGcMs;
    // The rest of a block (neither on a core nor waiting): asleep, or taken by the hypervisor.
    figures.hoverAfterOpenBlockSleeps = hover.blockTimes?.sleeps ?? NaN;
    figures.hoverAfterOpenBlockStolenMs = hover.blockTimes?.stolenMs ?? NaN;
    figures.lightBulbAfterOpenBlockSleeps = lightBulb.blockTimes?.sleeps ?? NaN;
    figures.lightBulbAfterOpenBlockStolenMs = lightBulb.blockTimes?.stolenMs ?? NaN;

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
    if (previousAnnotations === undefined) fs.rmSync(annotationFilePath(), { force: true });
    else fs.writeFileSync(annotationFilePath(), previousAnnotations);
  });
});
