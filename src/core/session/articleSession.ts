/**
 * One open article: its text and version, its incremental analysis, where its annotations sit, and
 * an immutable snapshot per version for everything that shows it. Plain TypeScript: the editor
 * layer (src/editor/articleSessions.ts) feeds it edits and annotation changes, decides when to
 * analyse (the debounce, time slices), and hands the snapshots to the views; tests drive it directly.
 *
 * Cheap on every keystroke: {@link edit} only moves placements. The analysis and the content hash
 * wait until the editor asks for them, once per debounce window.
 */
import { IncrementalAnalyzer, type AnalyzeOptions, type UpdateOptions } from '../analysis/analyzer';
import type { Analysis, ClaimFinding, Finding, Language } from '../analysis/types';
import { PieceText, sameText, type ArticleText } from '../pieceText';
import { contentHashInSlices } from '../review/contentHash';
import { isOldArticle, reviewFlags, type ReviewFlag } from '../review/reviewState';
import { reviewedClaims, summarizeArticle, type ArticleSummary } from '../sidebar/findingGroups';
import { spanContains, type Span } from '../span';
import type { TextEdit } from '../store/anchor';
import type { Annotation } from '../store/annotation';
import { AnnotationPlacements, type Placement } from './placements';

export type { Placement };

/** An annotation as the views show it: where it sits now, and what needs a look. */
export interface PlacedAnnotation extends Placement {
  readonly flags: readonly ReviewFlag[];
}

/**
 * What the views read about an article at one version. Immutable: the next version gets a new
 * snapshot. Findings are shared with the analyzer, which moves them in place when it analyses a
 * newer version; the editor publishes that version's snapshot in the same turn, so a view that reads
 * the current snapshot never sees a moved finding.
 */
export interface ArticleSnapshot {
  /** The document version it describes. */
  readonly version: number;
  /** The findings so far (all of them when `complete`); undefined when the article is too large to analyse. */
  readonly analysis: Analysis | undefined;
  /** False while a large article is still being analysed in slices. */
  readonly complete: boolean;
  /** True when the article is larger than the analysis limit; its annotations still work. */
  readonly tooLarge: boolean;
  /** The language the article is analysed in; undefined when it is not analysed. */
  readonly language: Language | undefined;
  /** Every annotation of the article, in the store's order, placed in this version's text. */
  readonly placements: readonly PlacedAnnotation[];
  /** Claims with time-sensitive wording in an old article that no annotation covers: suggestions only. */
  readonly possiblyOutdated: readonly Span[];
  /** The claims of the analysis so far, in text order. */
  readonly claims: readonly ClaimFinding[];
  /** Claims reviewed, verdicts by status, anchoring and review problems; undefined until the analysis is complete. */
  readonly summary: ArticleSummary | undefined;
  /**
   * sha256 of the text ("article changed since review"); undefined when no annotation records one,
   * or when the text is none of the texts whose hashes they record (it was not hashed again then).
   */
  readonly contentHash: string | undefined;
  /**
   * The edits from the session's previous snapshot to this one; undefined when there were too many
   * to keep. A view that shows the previous snapshot can follow them instead of redrawing what only moved.
   */
  readonly edits: SnapshotEdits | undefined;
}

/** Edits of an article's text since a version, in the order they were made (each offset in the text after the ones before). */
export interface SnapshotEdits {
  readonly from: number;
  readonly edits: readonly TextEdit[];
}

/** Texts kept because an annotation records their hash (see ArticleSession.hashedTexts). */
const MAX_HASHED_TEXTS = 4;

/** Edits kept between two snapshots; beyond that the views draw afresh. */
const MAX_EDITS_BETWEEN_SNAPSHOTS = 256;

export interface SessionOptions {
  /**
   * How the article is analysed, or why it is not: too large (its annotations still work), or not an
   * article at all (a document someone annotated anyway: its annotations are placed, nothing else).
   */
  analysis: AnalyzeOptions | 'too large' | 'not an article';
  /** A verified verdict older than this many days needs a re-check. */
  maxVerifiedAgeDays: number;
  /** Time-sensitive claims in articles older than this are suggested as possibly outdated. */
  maxArticleAgeDays: number;
}

/** What lies under one offset: for hovers and the light bulb. */
export interface ArticlePoint {
  placements: Placement[];
  /** The narrowest first: a number inside a claim is what the pointer is on. */
  findings: Finding[];
}

/** Whether a text is larger than `limitBytes` in UTF-8, when its UTF-16 length alone tells (every unit is 1 to 3 bytes). */
function exceedsByLength(text: { length: number }, limitBytes: number): boolean | undefined {
  if (text.length > limitBytes) return true;
  if (text.length * 3 <= limitBytes) return false;
  return undefined;
}

/** True when a text is larger than `limitBytes` in UTF-8; counted only near the limit. */
export function exceedsUtf8(text: string, limitBytes: number): boolean {
  return exceedsByLength(text, limitBytes) ?? Buffer.byteLength(text, 'utf8') > limitBytes;
}

/** A session's options from its article's settings: analysed with `analysis()` unless it is no article or over the size limit. */
export function sessionOptionsFor(
  text: string,
  isArticle: boolean,
  settings: { maxArticleSizeBytes: number; maxVerifiedAgeDays: number; maxArticleAgeDays: number },
  analysis: () => AnalyzeOptions,
): SessionOptions {
  const mode = !isArticle ? 'not an article' : exceedsUtf8(text, settings.maxArticleSizeBytes) ? 'too large' : analysis();
  return { analysis: mode, maxVerifiedAgeDays: settings.maxVerifiedAgeDays, maxArticleAgeDays: settings.maxArticleAgeDays };
}

/**
 * Where each edit's inserted text lies in the text after all of them (PieceText.withEdits' order:
 * descending offsets, so every later edit lies before an earlier one and shifts it).
 */
export function insertedSpansAfter(edits: readonly TextEdit[]): Span[] {
  const spans: Span[] = new Array<Span>(edits.length);
  let shift = 0;
  for (let i = edits.length - 1; i >= 0; i--) {
    const { offset, deletedLength, insertedText } = edits[i];
    spans[i] = { start: offset + shift, end: offset + shift + insertedText.length };
    shift += insertedText.length - deletedLength;
  }
  return spans;
}

/** What {@link isDocumentText} reads of the editor's document: its length, the line around an offset, the text of a span. */
export interface DocumentLines {
  length: number;
  lineAround(offset: number): Span;
  text(span: Span): string;
}

/**
 * Whether a text built through the edits is the document's (its length, and every line an edit
 * wrote, where it lies in the new text): it is not when the editor reported the changes otherwise
 * than it applied them (line endings).
 */
export function isDocumentText(document: DocumentLines, text: ArticleText, edits: readonly TextEdit[]): boolean {
  if (text.length !== document.length) return false;
  return insertedSpansAfter(edits).every(({ start, end }) => {
    const lines = { start: document.lineAround(start).start, end: document.lineAround(end).end };
    return text.slice(lines.start, lines.end) === document.text(lines);
  });
}

/** How long a hover or the light bulb goes on with a large article's first split into units. */
const SPLIT_BUDGET_AT_MS = 10;

export class ArticleSession {
  private readonly analyzer: IncrementalAnalyzer | undefined;
  private readonly tracked = new AnnotationPlacements();
  /** The version the analyzer last saw, and whether it had analysed all of it. */
  private analyzed = { version: -1, complete: false };
  private hash: { version: number; value: Promise<string> } | undefined;
  /**
   * Texts whose sha256 some annotation records, by that hash: a later version is compared with them
   * instead of being hashed again (1 MB of sha256 per keystroke in an annotated article). A text
   * equal to none of them has none of their hashes; only a hash no text seen so far had needs hashing.
   */
  private readonly hashedTexts = new Map<string, PieceText>();
  /** The hashes the annotations record (see recordedHashes), and the annotations they were read from. */
  private recorded: { of: readonly Annotation[]; hashes: ReadonlySet<string> } | undefined;
  /** Whether the current version's text is hashed as it is (see textIsHashedAsIs). */
  private asIs: { version: number; value: boolean } | undefined;
  private versionsAnalysed = 0;
  /** The edits since the last snapshot (see ArticleSnapshot.edits); undefined when there were too many. */
  private editsSinceSnapshot: { from: number; edits: TextEdit[] } | undefined;
  /** The text's UTF-8 size when last counted, and how many UTF-16 units edits have inserted or deleted since. */
  private size = { bytes: -1, touched: 0 };

  /**
   * The text in pieces (a keystroke makes one new piece, not a copy of the article: see PieceText),
   * or how to get it when the editor's edits could not be followed (the document's text, read when first needed).
   */
  private textSource: PieceText | (() => string);

  constructor(
    text: string,
    private currentVersion: number,
    private readonly options: SessionOptions,
  ) {
    this.textSource = PieceText.of(text);
    this.editsSinceSnapshot = { from: currentVersion, edits: [] };
    this.analyzer = typeof options.analysis === 'object' ? new IncrementalAnalyzer(options.analysis) : undefined;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The whole text as one string: joined when first asked for in a version (a copy of all of it; the analysis reads {@link pieces}). */
  get text(): string {
    return this.pieces.toString();
  }

  /** The text in pieces: what the analysis, the placements and the hash read, in windows. */
  private get pieces(): PieceText {
    if (typeof this.textSource === 'function') this.textSource = PieceText.of(this.textSource());
    return this.textSource;
  }

  /** The text's length in UTF-16 units. */
  get length(): number {
    return this.pieces.length;
  }

  get tooLarge(): boolean {
    return this.options.analysis === 'too large';
  }

  /**
   * True when the text is larger than `limitBytes` in UTF-8. Counted again only when the edits since
   * the last count could have crossed the limit (a UTF-16 unit is at most 3 bytes), not for every
   * keystroke in a 1 MB article.
   */
  exceeds(limitBytes: number): boolean {
    const text = this.pieces;
    const byLength = exceedsByLength(text, limitBytes);
    if (byLength !== undefined) return byLength;
    const { bytes, touched } = this.size;
    if (bytes < 0 || (bytes - 3 * touched <= limitBytes && bytes + 3 * touched > limitBytes)) this.size = { bytes: text.byteLength(), touched: 0 };
    return this.size.bytes > limitBytes;
  }

  /** How many times annotations were resolved against the text (one per verdict; tests count it). */
  get reanchorings(): number {
    return this.tracked.reanchorings;
  }

  /** How many versions of the text the analyzer was given (one per debounce window while typing). */
  get analyses(): number {
    return this.versionsAnalysed;
  }

  /** The annotations placed in the current text, without review flags (what commands act on). */
  get placements(): readonly Placement[] {
    return this.tracked.placements;
  }

  /** True when the analysis covers the whole current version (always for an article too large to analyse). */
  get analysisIsCurrent(): boolean {
    return !this.analyzer || (this.analyzed.version === this.currentVersion && this.analyzed.complete);
  }

  /**
   * Follows one change of the text: moves the placements, nothing else.
   * @param edits Sorted by descending offset (each refers to the text after the previous ones).
   * @param newText The text after the edits, or a function that returns it when first needed (it
   *   must return this version's text until the next call of `edit`).
   * @param isText When given and the current text is known, the new text is built from its pieces
   *   through the edits at once (one new piece: VS Code's `getText()` joins every line of a 1 MB
   *   article), and taken when `isText` accepts it (asked now, while the document is this version);
   *   `newText` otherwise.
   * @returns true when a placement changed.
   */
  edit(version: number, edits: readonly TextEdit[], newText: string | (() => string), isText?: (followed: PieceText) => boolean): boolean {
    this.currentVersion = version;
    const before = this.textSource;
    const followed = isText && typeof before === 'object' && typeof newText === 'function' ? before.withEdits(edits) : undefined;
    this.textSource = followed && isText?.(followed) ? followed : typeof newText === 'string' ? PieceText.of(newText) : newText;
    for (const e of edits) this.size.touched += e.deletedLength + e.insertedText.length;
    const since = this.editsSinceSnapshot;
    if (since) {
      since.edits.push(...edits);
      if (since.edits.length > MAX_EDITS_BETWEEN_SNAPSHOTS) this.editsSinceSnapshot = undefined;
    }
    return this.tracked.edit(edits, () => this.pieces);
  }

  /**
   * Takes the article's annotations as the store has them now: new and changed ones are placed,
   * orphans are looked for again.
   * @returns true when a placement changed.
   */
  setAnnotations(annotations: readonly Annotation[]): boolean {
    return this.tracked.sync(annotations, this.pieces);
  }

  /**
   * Analyses the current text, the `priority` ranges first, until `deadline` (see
   * IncrementalAnalyzer.update).
   * @returns true when the whole text is analysed.
   */
  analyze(options: UpdateOptions = {}): boolean {
    if (!this.analyzer) return true;
    if (this.analysisIsCurrent) return true;
    return this.update(this.analyzer, options);
  }

  private update(analyzer: IncrementalAnalyzer, options: UpdateOptions): boolean {
    if (this.analyzed.version !== this.currentVersion) this.versionsAnalysed += 1;
    const complete = analyzer.update(this.pieces, options);
    this.analyzed = { version: this.currentVersion, complete };
    return complete;
  }

  /**
   * True when the analysis of the current version covers `ranges` (the part on screen): worth
   * showing before the rest is done. False while the text is still being split into units.
   */
  isAnalysed(ranges: readonly Span[]): boolean {
    return !this.analyzer || (this.analyzed.version === this.currentVersion && this.analyzer.isAnalysed(ranges));
  }

  /**
   * Assembles the analysis so far until `deadline` (a `performance.now()` time), going on where the
   * last call stopped (see IncrementalAnalyzer.assembleUntil); then {@link analysisSoFar} and
   * {@link snapshot} cost no assembly.
   * @returns true when it is assembled.
   */
  assembleUntil(deadline: number): boolean {
    return this.analyzer?.assembleUntil(deadline) ?? true;
  }

  /**
   * The analysis of the current version as far as it has got (assembling all of it at once takes
   * tens of milliseconds on a large article after an update: see {@link assembleUntil}).
   */
  analysisSoFar(): Analysis | undefined {
    return this.analyzer?.result();
  }

  /**
   * The content hash of the current text, once per version, in slices of 64 K characters with
   * `nextTurn` awaited between them (see contentHashInSlices).
   */
  contentHash(nextTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve))): Promise<string> {
    if (this.hash?.version !== this.currentVersion) this.hash = { version: this.currentVersion, value: contentHashInSlices(this.pieces, nextTurn) };
    return this.hash.value;
  }

  /**
   * True when some annotation records a hash of the article that no text seen so far had, so that
   * the snapshot needs the current text's hash ({@link contentHash}) to tell whether it is that text.
   */
  get needsContentHash(): boolean {
    const recorded = this.recordedHashes();
    if (recorded.size === 0) return false;
    if (!this.textIsHashedAsIs()) return true;
    for (const hash of recorded) if (!this.hashedTexts.has(hash)) return true;
    return false;
  }

  /**
   * The article hashes the annotations record, in lower case; kept until the annotations change (a
   * keystroke asks twice, and lower-casing 200 hashes each time was garbage on every keystroke).
   */
  private recordedHashes(): ReadonlySet<string> {
    const annotations = this.tracked.annotationList;
    if (this.recorded?.of !== annotations) {
      const hashes = new Set<string>();
      for (const annotation of annotations) if (annotation.articleHash !== undefined) hashes.add(annotation.articleHash.toLowerCase());
      this.recorded = { of: annotations, hashes };
    }
    return this.recorded.hashes;
  }

  /**
   * True when the hash covers the text exactly as it is: no carriage return, no leading byte-order
   * mark (contentHash normalises both, so a CRLF copy of a reviewed LF text has its hash but is
   * another string). Only such texts are compared with the remembered ones. Kept per version.
   */
  private textIsHashedAsIs(): boolean {
    if (this.asIs?.version !== this.currentVersion) {
      const text = this.pieces;
      this.asIs = { version: this.currentVersion, value: text.charCodeAt(0) !== 0xfeff && text.carriageReturns === 0 };
    }
    return this.asIs.value;
  }

  /**
   * The current text's hash as the recorded texts tell it: the hash of the one it equals; '' (no
   * hash) when it equals none, so that it differs from every recorded hash; `computed` when given;
   * undefined when no annotation records one, or one records a hash of a text not seen (cannot tell).
   * Remembers the text when `computed` (its hash) is one an annotation records.
   */
  private textHash(computed: string | undefined): string | undefined {
    const recorded = this.recordedHashes();
    if (recorded.size === 0) return computed;
    if (computed !== undefined) {
      if (recorded.has(computed) && !this.hashedTexts.has(computed) && this.textIsHashedAsIs()) {
        if (this.hashedTexts.size >= MAX_HASHED_TEXTS) this.hashedTexts.delete(this.hashedTexts.keys().next().value!);
        this.hashedTexts.set(computed, this.pieces);
      }
      return computed;
    }
    // Line endings or a byte-order mark the hash normalises: only the hash can tell.
    if (!this.textIsHashedAsIs()) return undefined;
    const text = this.pieces;
    for (const [hash, hashed] of this.hashedTexts) if (recorded.has(hash) && sameText(hashed, text)) return hash;
    // A recorded hash no text seen so far had: the text may be the one it was taken of (not hashed: cannot tell).
    for (const hash of recorded) if (!this.hashedTexts.has(hash)) return undefined;
    return '';
  }

  /**
   * The snapshot of the current version.
   * @param now The time review flags are computed for.
   * @param contentHash {@link contentHash}'s result for this version, when {@link needsContentHash}.
   */
  snapshot(now: Date, contentHash?: string): ArticleSnapshot {
    const analysis = this.analyzer && this.analyzed.version === this.currentVersion ? this.analyzer.result() : undefined;
    const textHash = this.textHash(contentHash);
    const context = { now, articleTextHash: textHash, maxVerifiedAgeDays: this.options.maxVerifiedAgeDays };
    const placements = Object.freeze(this.tracked.placements.map((p): PlacedAnnotation => Object.freeze({ ...p, flags: Object.freeze(reviewFlags(p.annotation, context)) })));
    // Kept with the analysis (spliced after a keystroke), not filtered from every finding again.
    const lists = analysis && this.analyzer ? this.analyzer.claimsSoFar() : { claims: [], timeSensitive: [] };
    const claims = Object.freeze(lists.claims.slice());
    const complete = this.analysisIsCurrent;
    const since = this.editsSinceSnapshot;
    this.editsSinceSnapshot = { from: this.currentVersion, edits: [] };
    return Object.freeze({
      version: this.currentVersion,
      analysis,
      complete,
      tooLarge: this.tooLarge,
      language: analysis?.language,
      placements,
      possiblyOutdated: Object.freeze(analysis ? this.possiblyOutdated(lists.timeSensitive, analysis.date, placements, now) : []),
      claims,
      summary: analysis && complete ? Object.freeze(summarizeArticle(claims, placements.map((p) => ({ status: p.annotation.status, state: p.state, span: p.span, flags: p.flags })))) : undefined,
      contentHash: textHash || undefined,
      edits: since && Object.freeze({ from: since.from, edits: Object.freeze(since.edits) }),
    });
  }

  /**
   * What lies under an offset of the current version: the annotations, and the findings of the
   * analysis units around it (analysed now if they are not yet, never the rest of the article).
   * While a large article is first split into units (the first few slices after it is opened), the
   * split goes on for at most `splitBudgetMs` and there are no findings until it is whole: the
   * article's language, and with it every unit's, is known only then.
   */
  at(offset: number, splitBudgetMs = SPLIT_BUDGET_AT_MS): ArticlePoint {
    const placements = this.tracked.placements.filter((p) => p.span && spanContains(p.span, offset));
    if (!this.analyzer) return { placements, findings: [] };
    if (!this.analysisIsCurrent) {
      const priority = [{ start: offset, end: offset + 1 }];
      this.update(this.analyzer, { priority, deadline: 0, priorityNow: true, splitDeadline: performance.now() + splitBudgetMs });
    }
    const findings = this.analyzer.findingsAt(offset)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    return { placements, findings };
  }

  /**
   * Whether a claim is suggested as possibly outdated (time-sensitive wording in an old article, no
   * verdict on it). Reads only the article's date: the light bulb assembles no other finding.
   */
  suggestsOutdated(claim: ClaimFinding, now: Date): boolean {
    const article = this.analyzer?.article;
    return article !== undefined && claim.timeSensitive.length > 0 && this.possiblyOutdated([claim], article.date, this.tracked.placements, now).length > 0;
  }

  /**
   * The claims to suggest as possibly outdated: of `timeSensitive` (claims with time-sensitive
   * wording, in text order), those no annotation covers, when the article is old enough.
   */
  private possiblyOutdated(timeSensitive: readonly ClaimFinding[], articleDate: string | null, placements: readonly Placement[], now: Date): Span[] {
    if (timeSensitive.length === 0 || !isOldArticle(articleDate, now, this.options.maxArticleAgeDays)) return [];
    const suggested = timeSensitive;
    // Sorted once, not every annotation per claim: thousands of claims in a large old article.
    const reviewed = reviewedClaims(suggested, placements.flatMap((p) => (p.span ? [p.span] : [])));
    return suggested.filter((_, i) => !reviewed[i]).map(({ start, end }) => ({ start, end }));
  }
}
