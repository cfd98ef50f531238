/**
 * When an open article's work happens: the one debounce after edits, the analysis of a large article
 * in time slices (what is on screen first), assembling the findings and hashing the text in turns of
 * their own, then the snapshot and its publication. Plain TypeScript on a timer interface: the editor
 * (src/editor/articleSessions.ts) gives it the real timers and the document's visible ranges, the
 * unit tests a queue they run by hand.
 *
 * The work after a debounce takes several turns of the event loop, so that no keystroke adds up to
 * one long block: analysis (slices of at most SLICE_BUDGET_MS), assembling the findings and the
 * content hash when the session needs it (64 K characters per turn), then the snapshot and, one
 * turn later, the views.
 */
import type { Span } from '../span';
import type { TextEdit } from '../store/anchor';
import { warmUpSteps } from '../analysis/analyzer';
import type { Analysis } from '../analysis/types';
import { numberFormat } from '../hover/hoverContent';
import type { ArticleSession, ArticlePoint, ArticleSnapshot, PlacedAnnotation } from './articleSession';

/** Longest stretch of analysis work done in one turn of the event loop (the part on screen aside). */
export const SLICE_BUDGET_MS = 8;
/** Articles up to this many characters are analysed at once (no "analysing" flicker); larger ones in slices. */
export const SLICED_ABOVE_CHARS = 64 * 1024;

/** The event loop's timers (the global ones, or a queue in tests). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the work of one article asks of the editor. */
export interface ArticleWorkHost {
  /** The article's ranges on screen (analysed first in a large article). */
  visible(): Span[];
  /**
   * A new session when the article grew over the size limit or shrank under it since the session
   * was made (checked before every slice); undefined when the session still fits.
   */
  resized(session: ArticleSession): ArticleSession | undefined;
  /** Called with every snapshot of the current version, when nothing is pending any more. */
  publish(snapshot: ArticleSnapshot): void;
  /** The time review flags are computed for. */
  now(): Date;
}

/** One content change as VS Code reports it: offsets in the text before the change. */
export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** Simultaneous changes are reported against the old text; applied last-first, each offset stays valid. */
export function textEdits(changes: readonly ContentChange[]): TextEdit[] {
  return [...changes]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => ({ offset: c.rangeOffset, deletedLength: c.rangeLength, insertedText: c.text }));
}

/**
 * What the editor prepares in idle turns after activation, one step a turn: the first analysis of
 * the process (see warmUpSteps), then the reader's number format, which the first hover on a number
 * would otherwise build with the locale's data (see numberFormat).
 */
export function editorWarmUpSteps(locale: string): (() => void)[] {
  return [...warmUpSteps(), () => void numberFormat(locale).format(0)];
}

/**
 * The steps of the process's first analysis (see warmUpSteps), each in an idle turn of its own, and
 * one per turn before an article's first slice when an article comes before they are all taken.
 */
export class WarmUp {
  private stopped = false;

  constructor(
    private readonly steps: (() => void)[],
    private readonly timers: Timers = GLOBAL_TIMERS,
  ) {}

  /** Takes the steps in idle turns of their own, before any article needs them. */
  prepare(): void {
    if (this.stopped) return;
    if (this.takeStep()) this.timers.setTimeout(() => this.prepare(), 0);
  }

  /** Takes the next step; false when none is left. */
  takeStep(): boolean {
    const step = this.steps.shift();
    step?.();
    return step !== undefined;
  }

  stop(): void {
    this.stopped = true;
  }
}

/** An article's timings and counters so far, for the test API (benchmarks and integration tests). */
export interface WorkStats {
  /** Milliseconds of the last analysis slice and its assembly. */
  lastWorkMs: number;
  /** The longest such turn since the article was opened (the extension's own share of a long block). */
  longestWorkMs: number;
  /** How many versions were analysed (one per debounce window). */
  analyses: number;
  /** How often the annotations were resolved against the text. */
  reanchorings: number;
}

export class ArticleWork {
  /** The last published snapshot; undefined before the first one. */
  snapshot: ArticleSnapshot | undefined;
  /** True from a change until a snapshot of its version is published. */
  busy = false;
  /** Milliseconds of the last analysis slice and its assembly (benchmarks). */
  lastWorkMs = 0;
  /** The longest such turn since the article was opened (benchmarks: the extension's own share of a long block). */
  longestWorkMs = 0;
  /** The next step of the work (debounce, slice, assembly, publication). */
  private timer: unknown;
  /** Counts restarts, so that an awaited hash of an older run publishes nothing. */
  private run = 0;
  /** Publish after the next slice even though the analysis is unfinished (first slice, scrolling). */
  private publishPartial = true;
  /** Counts the annotation changes the session took in; a publication compares it to see whether its snapshot missed one. */
  private annotationChanges = 0;
  private stopped = false;

  constructor(
    public session: ArticleSession,
    private readonly host: ArticleWorkHost,
    private readonly warmUp: WarmUp,
    private readonly timers: Timers = GLOBAL_TIMERS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get stats(): WorkStats {
    return { lastWorkMs: this.lastWorkMs, longestWorkMs: this.longestWorkMs, analyses: this.session.analyses, reanchorings: this.session.reanchorings };
  }

  /** A keystroke: the session already moved its placements; everything else waits `debounceMs`. */
  edited(debounceMs: number): void {
    this.publishPartial = true;
    this.restart(debounceMs);
  }

  /** (Re)starts the work after `delay` milliseconds. */
  restart(delay: number): void {
    this.schedule(delay, (run) => this.analyzeSlice(run));
  }

  /** The session took in an annotation change: work under way publishes it with it, otherwise it is published on its own. */
  annotationsChanged(): void {
    this.annotationChanges += 1;
    if (!this.busy) this.publishAnnotations();
  }

  /** Scrolling an unfinished article: the next slice analyses what came on screen, and is shown. */
  prioritize(): void {
    if (!this.session.analysisIsCurrent) this.publishPartial = true;
  }

  /**
   * What lies under an offset of the current text, for hovers and the light bulb: the annotations
   * (with the review flags of the last snapshot) and the findings of the few units around it,
   * analysed now if need be (counted in the longest turn), never the rest of a large article.
   */
  at(offset: number): { placements: PlacedAnnotation[]; findings: ArticlePoint['findings'] } {
    const started = this.clock();
    const point = this.session.at(offset);
    this.longestWorkMs = Math.max(this.longestWorkMs, this.clock() - started);
    const flags = new Map(this.snapshot?.placements.map((p) => [p.annotation.id, p.flags]));
    return { placements: point.placements.map((p) => ({ ...p, flags: flags.get(p.annotation.id) ?? [] })), findings: point.findings };
  }

  /** The whole analysis of the current text, finished now if need be (commands, never views); undefined when too large. */
  completeAnalysis(): Analysis | undefined {
    if (this.session.tooLarge) return undefined;
    this.session.analyze();
    return this.session.analysisSoFar();
  }

  /**
   * Where the annotations now sit, by id, to be written after a save. Fuzzy ones keep their stored
   * position until a person confirms them; orphans have none.
   */
  settledPositions(): Map<string, Span> {
    const positions = new Map<string, Span>();
    for (const p of this.session.placements) if (p.span && p.state !== 'fuzzy') positions.set(p.annotation.id, p.span);
    return positions;
  }

  /** Stops for good (the document closed, or every session is dropped). */
  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
    this.run += 1;
  }

  private publishAnnotations(): void {
    this.schedule(0, (run) => void this.publish(run));
  }

  private schedule(delay: number, step: (run: number) => void): void {
    this.timers.clearTimeout(this.timer);
    this.busy = true;
    const run = (this.run += 1);
    this.timer = this.timers.setTimeout(() => step(run), delay);
  }

  private alive(run: number): boolean {
    return !this.stopped && this.run === run;
  }

  private nextTurn(): Promise<void> {
    return new Promise((resolve) => this.timers.setTimeout(resolve, 0));
  }

  /** One turn of analysis; then the publication, or the next slice. */
  private analyzeSlice(run: number): void {
    this.timer = undefined;
    if (!this.alive(run)) return;
    if (this.warmUp.takeStep()) {
      // An article opened before the analysis was prepared: one step per turn first.
      this.timer = this.timers.setTimeout(() => this.analyzeSlice(run), 0);
      return;
    }
    this.session = this.host.resized(this.session) ?? this.session;
    const started = this.clock();
    const sliced = this.session.length > SLICED_ABOVE_CHARS;
    const visible = sliced ? this.host.visible() : [];
    const complete = this.session.analyze(sliced ? { priority: visible, deadline: started + SLICE_BUDGET_MS } : {});
    this.lastWorkMs = this.clock() - started;
    this.longestWorkMs = Math.max(this.longestWorkMs, this.lastWorkMs);
    // The first partial snapshot waits for the slice that has analysed what is on screen.
    if (complete || (this.publishPartial && this.session.isAnalysed(visible))) {
      this.publishPartial = false;
      this.timer = this.timers.setTimeout(() => void this.publish(run), 0);
    } else {
      this.timer = this.timers.setTimeout(() => this.analyzeSlice(run), 0);
    }
  }

  /**
   * Assembles the findings in turns of at most SLICE_BUDGET_MS, hashes the text in slices of turns
   * of their own, builds the snapshot in the next and publishes it in the one after; an unfinished
   * analysis then goes on with its next slice. Every step is a fraction of what VS Code itself spends on a keystroke in a large file.
   */
  private async publish(run: number): Promise<void> {
    this.timer = undefined;
    if (!this.alive(run)) return;
    while (!this.assembleSlice()) {
      await this.nextTurn();
      if (!this.alive(run)) return;
    }
    let hash: string | undefined;
    if (this.session.needsContentHash) {
      hash = await this.session.contentHash(() => this.nextTurn());
      if (!this.alive(run)) return;
    }
    await this.nextTurn();
    if (!this.alive(run)) return;
    const annotationChanges = this.annotationChanges;
    const snapshot = this.session.snapshot(this.host.now(), hash);
    await this.nextTurn();
    if (!this.alive(run)) return;
    this.snapshot = snapshot;
    // The snapshot is of the current version; an unfinished analysis goes on, and is published again.
    this.busy = false;
    if (!this.session.analysisIsCurrent) this.timer = this.timers.setTimeout(() => this.analyzeSlice(run), 0);
    // An annotation change that came in after the snapshot was taken (while this work looked busy) gets a publication of its own.
    else if (this.annotationChanges !== annotationChanges) this.publishAnnotations();
    this.host.publish(snapshot);
  }

  /** One turn of assembling the findings (at most SLICE_BUDGET_MS); true when they are assembled. */
  private assembleSlice(): boolean {
    const started = this.clock();
    const assembled = this.session.assembleUntil(started + SLICE_BUDGET_MS);
    const assemblyMs = this.clock() - started;
    this.lastWorkMs += assemblyMs;
    this.longestWorkMs = Math.max(this.longestWorkMs, assemblyMs);
    return assembled;
  }
}
