/**
 * Full and incremental analysis of an article. The text is pre-split into blocks (blank lines,
 * fences), each block is parsed with remark and analysed on its own, and results are cached per
 * block text with offsets relative to the block: after an edit only the changed block is
 * parsed and analysed again; the others are shifted into place.
 *
 * A large article can be analysed in slices: `IncrementalAnalyzer.update` takes the ranges on
 * screen (analysed first) and a deadline, and the editor calls it again in idle time until done.
 * The first split of a text into units stops at the deadline too, in batches of blocks.
 */
import type { Analysis, ClaimFinding, EntityFinding, Finding, Language, NumberFinding } from './types';
import type { Lexicon } from './lexicon';
import type { LearnedName, NameCandidate } from './entities';
import { defaultLexicon } from './lexicon';
import { AnalysisPace } from './analysisPace';
import { ARTICLE_HEAD_CHARS, readArticleDate } from './metadata';
import { countLanguageCues, languageFromCues, paragraphLanguage, type LanguageCues } from './language';
import { shippedModels, type Models } from './models';
import type { TaggerModel } from './tagger/model';
import { tagEntities } from './tagger/tagSentence';
import { combineEntities } from './tagger/combine';
import { withoutOverlaps } from './overlaps';
import { spanContains, spansIn } from '../span';
import { scanBlocks, splitLines, type Block } from './blocks';
import { longLinePieces, type LinePiece } from './longLines';
import { maskProse } from './prose';
import { tokenize } from './tokens';
import { splitSentences } from './sentences';
import { findEntities } from './entities';
import { GermanWordVerdicts } from './entityGuards';
import type { WordIds } from './wordIds';
import { completeDateValue, findNumbers } from './numbers';
import { DEFAULT_CLAIM_THRESHOLD, findClaims, RULE_SCORER } from './claims';
import type { ClaimScorer } from './claimModel';
import { applyFeedback } from '../feedback/apply';
import { commonPrefixOf, commonSuffixOf, PieceText, wholeText, type ArticleText } from '../pieceText';
import type { Correction } from '../feedback/feedback';

export interface AnalyzeOptions {
  /** Entity lexicon; defaults to the shipped one. */
  lexicon?: Lexicon;
  /** Minimum claim score (0..1) for a sentence to be reported; default 0.45. */
  claimThreshold?: number;
  /** What scores sentences as claims; defaults to the models' claim model (models/claims.json), else the rules. */
  claimScorer?: ClaimScorer;
  /** Trained models (entity tagger, language model); default the shipped ones, NO_MODELS for the rules alone. */
  models?: Models;
  /** The team's corrections of this article (`.ainews/feedback.json`): honoured in every result. */
  feedback?: readonly Correction[];
}

/** What one block yields; offsets are relative to the block. */
export interface BlockAnalysis {
  findings: Finding[];
  learned: LearnedName[];
  candidates: NameCandidate[];
}

const KIND_ORDER: Record<Finding['kind'], number> = { claim: 0, entity: 1, number: 2 };

/** Sorts findings by start, containers before contents. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * Analyses one Markdown block on its own. Offsets in the result are relative to the block.
 * @param block the block's exact text.
 * @param lines true when every line of the block is a unit of its own (see splitLines).
 * @param verdicts German-word verdicts shared with the article's other blocks (they depend on the word alone).
 * @param wordIds the ids of words, shared with the analyses made with the same models (see Models.wordIds);
 *   null: the words are looked up stage by stage (the same results).
 */
export function analyzeBlock(
  block: string, language: Language, lexicon: Lexicon, claimThreshold: number, lines = false,
  tagger: TaggerModel | null = null, claimScorer: ClaimScorer = RULE_SCORER, verdicts = new GermanWordVerdicts(), wordIds: WordIds | null = null,
): BlockAnalysis {
  const { masked, units } = maskProse(block);
  wordIds?.beginBlock();
  const tokens = tokenize(masked, 0, masked.length, wordIds ?? undefined);
  const sentences = splitSentences(masked, units, language, lines);
  const sentenceStarts = sentences.map((s) => s.start);
  const entityScan = findEntities(tokens, masked, language, lexicon, sentenceStarts, verdicts, wordIds);
  let numbers = withoutOverlaps(findNumbers(tokens, masked, language, wordIds), entityScan.findings);
  if (tagger) {
    // The tagger's spans give way to figures ("HK$100", "600 Milliarden Dollar") but carry the numbers of names ("A 7").
    const combined = combineEntities(entityScan.findings, tagEntities(tagger, tokens, masked, sentenceStarts, entityScan.findings, wordIds), numbers, masked, language, tagger.nameLists);
    entityScan.findings = combined.entities;
    entityScan.candidates = withoutOverlaps(entityScan.candidates, combined.entities);
    numbers = combined.numbers;
  }
  const claims = findClaims(masked, sentences, tokens, numbers, entityScan.findings, language, claimThreshold, claimScorer, wordIds);
  const findings: Finding[] = [...claims, ...entityScan.findings, ...numbers];
  for (const f of findings) f.text = block.slice(f.start, f.end);
  findings.sort(compareFindings);
  return { findings, learned: entityScan.learned, candidates: entityScan.candidates };
}

interface CachedBlock {
  cues: LanguageCues;
  /** The language the block is analysed in within a German and within an English article (decided once, from its cues). */
  inArticle: Record<Language, Language>;
  /**
   * Its result in each language it was analysed in. Both properties exist from the start, so that
   * every entry has one shape: assembling a large article reads them for every unit on every keystroke.
   */
  results: Record<Language, BlockAnalysis | undefined>;
}

/** The language a block is analysed in within an article in `article`. */
function ownLanguage(entry: CachedBlock, article: Language): Language {
  return article === 'de' ? entry.inArticle.de : entry.inArticle.en;
}

/** A block's result within an article in `article`; undefined until it is analysed. */
function resultIn(entry: CachedBlock, article: Language): BlockAnalysis | undefined {
  return ownLanguage(entry, article) === 'de' ? entry.results.de : entry.results.en;
}

/** How many characters analysing a unit reads: a long line's piece is analysed with its context. */
function analysedLength(unit: Unit): number {
  const { start, end } = unit.context ?? unit;
  return end - start;
}

/** One analysed unit of the article: a block or, in plain-text style blocks, a run of lines. */
interface Unit {
  start: number;
  end: number;
  /** True for the first unit of a top-level block (a place where block scanning can restart). */
  top: boolean;
  /** Null for code and front matter, which are not analysed. */
  entry: CachedBlock | null;
  lines: boolean;
  /** The language cues it adds to the article's (a long line's go with its first piece). */
  cues: LanguageCues;
  /** For a piece of a long line (see longLinePieces): the text it is analysed in. Moves with the unit. */
  context: OffsetRange | undefined;
  /**
   * Findings shifted into place by the last assembly, reused while result, learned names and article
   * date are unchanged. Set to undefined when the unit is made, so that every unit has the same shape
   * from the start (a property added later would send V8 back to slow code on the first edit).
   */
  placed: Placed | undefined;
}

/**
 * A unit's findings in their place in the article, what they were made from, and its claims and
 * time-sensitive claims among them (so that a keystroke does not filter every finding of the article
 * again for the snapshot's claims and its "possibly outdated" suggestions).
 */
interface Placed {
  start: number;
  result: BlockAnalysis;
  key: string;
  findings: Finding[];
  claims: ClaimFinding[];
  timeSensitive: ClaimFinding[];
}

interface State {
  text: ArticleText;
  metadataEnd: number;
  date: string | null;
  language: Language;
  units: Unit[];
  /** The language cues of all units, kept as a running total so that an edit does not recount them. */
  cues: LanguageCues;
  /** True when every unit has its result for `language`. */
  complete: boolean;
}

/** The units of a new text version; units[fresh.from, fresh.to) are newly split, the others carried over. */
interface Split {
  units: Unit[];
  fresh: { from: number; to: number };
  cues: LanguageCues;
  /** The previous units replaced by the fresh ones, previous[from, to); the ones after moved by `delta`. Undefined for a whole split. */
  replaced?: { from: number; to: number; delta: number };
}

/** One edit between two texts in units: `previous[from, to)` became `units[from, from + added)`. */
interface Splice {
  previous: Unit[];
  from: number;
  to: number;
  added: number;
}

/** The last assembled findings and what they were made of. */
interface Assembly extends ClaimLists {
  units: Unit[];
  language: Language;
  date: string | null;
  learned: Map<string, LearnedName>;
  findings: Finding[];
}

/** The claims among an assembly's findings, and those of them with time-sensitive wording, in text order. */
export interface ClaimLists {
  claims: ClaimFinding[];
  timeSensitive: ClaimFinding[];
}

/** An assembly under way (see IncrementalAnalyzer.assembleUntil): units[0, placedUnits) are in `findings`. */
interface PartialAssembly extends Assembly {
  placedUnits: number;
}

/** A stretch of the text, in UTF-16 offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** How much of the text one call to `IncrementalAnalyzer.update` analyses. */
export interface UpdateOptions {
  /**
   * Ranges analysed first and whatever the deadline, once the text is split into units (see
   * `priorityNow`): the part of the article on screen.
   */
  priority?: readonly OffsetRange[];
  /**
   * A `performance.now()` time after which no further units are analysed; the rest waits for the
   * next call. Without a deadline everything is analysed.
   */
  deadline?: number;
  /**
   * True: the priority ranges are analysed in this call even when the whole text must be split
   * first (hover, light bulb: an answer now), unless `splitDeadline` stops the split; with a
   * deadline, no other unit is. Otherwise the first split of a text also stops at `deadline`, and the
   * priority ranges wait for the call that completes it (background slices).
   */
  priorityNow?: boolean;
  /**
   * With `priorityNow`: a `performance.now()` time at which a first split of the text stops all the
   * same (splitting 1 MB takes tens of milliseconds); the priority ranges then wait for a call that
   * completes it. Without it, the split is finished in this call.
   */
  splitDeadline?: number;
}

function shift<T extends Finding>(finding: T, offset: number): T {
  return { ...finding, start: finding.start + offset, end: finding.end + offset };
}

const CHUNK = 1024;
/** Blocks split (and their language cues counted) between two looks at the deadline. */
const SPLIT_BATCH = 32;

/**
 * How far `same(from, length)` holds from 0 on, in whole chunks: the chunk doubles while it matches,
 * then halves to narrow down the first difference. A few dozen native string comparisons instead of
 * one per kilobyte, so that even the first keystroke (before V8 has optimised this code) is cheap.
 */
function matchingChunks(same: (from: number, length: number) => boolean): number {
  let i = 0;
  let step = CHUNK;
  while (same(i, step)) {
    i += step;
    step *= 2;
  }
  for (step >>= 1; step >= CHUNK; step >>= 1) if (same(i, step)) i += step;
  return i;
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = matchingChunks((from, length) => from + length <= limit && a.slice(from, from + length) === b.slice(from, from + length));
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let i = matchingChunks(
    (from, length) => from + length <= limit && a.slice(a.length - from - length, a.length - from) === b.slice(b.length - from - length, b.length - from),
  );
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Re-analyses an article after edits, reusing the results of unchanged blocks.
 * One instance per open document; options are fixed for its lifetime.
 *
 * The findings it returns are live: a later `update` moves the findings behind an edit in place
 * (so that a keystroke does not copy every finding of the article). Copy what must outlive it.
 *
 * After an edit only the text between the common prefix and suffix of the old and new version is
 * split into blocks again (from the last block start before the change to the first unchanged block
 * start after it); blocks outside keep their results and their placed findings.
 */
export class IncrementalAnalyzer {
  private readonly lexicon: Lexicon;
  private readonly claimThreshold: number;
  private readonly models: Models;
  private readonly givenScorer: ClaimScorer | undefined;
  /** What scores claims: the one given, else the claim model, read on first use (not when the analyzer is made, in the editor's open event). */
  private get claimScorer(): ClaimScorer {
    return this.givenScorer ?? this.models.claimModel() ?? RULE_SCORER;
  }
  private readonly feedback: readonly Correction[];
  /** The options it was made with (defaults filled in). */
  get options(): Required<AnalyzeOptions> {
    return { lexicon: this.lexicon, claimThreshold: this.claimThreshold, models: this.models, claimScorer: this.claimScorer, feedback: this.feedback };
  }
  /** Block results by block text, so that repeated or restored blocks are not analysed twice. */
  private cache = { lines: new Map<string, CachedBlock>(), paragraphs: new Map<string, CachedBlock>() };
  private state: State | null = null;
  /** A split of a whole text that stopped at its deadline; `resumeAt` is the block start it goes on from. */
  private splitting: { text: ArticleText; metadataEnd: number; resumeAt: number; units: Unit[] } | null = null;
  /** The result of the current state, assembled on first request. */
  private assembled: Analysis | undefined;
  /** An assembly of the current state taken in parts, until it is whole; dropped with `assembled`. */
  private partial: PartialAssembly | undefined;
  /** The last assembly, and the one edit since, if that is all that changed: the next assembly splices (see spliceAssembly). */
  private lastAssembly: Assembly | undefined;
  private sinceAssembly: Splice | 'nothing' | 'more' = 'more';
  private readonly keys: PlacementKeys = { learned: '', date: null, withNames: '\u0002', withoutNames: '\u0002' };
  /** German-word verdicts of the entity rules, shared by all blocks of the article (see GermanWordVerdicts). */
  private readonly verdicts = new GermanWordVerdicts();
  /** How fast units are analysed, so that a slice stops before the unit that would overrun it. */
  private readonly pace = new AnalysisPace();
  /** Units analysed so far: the learned names can change only when it grows or the units change. */
  private unitsAnalysed = 0;
  /** The names the current units learn (see learnedOf). */
  private learned: { units: Unit[]; language: Language; unitsAnalysed: number; names: Map<string, LearnedName> } | undefined;

  constructor(options: AnalyzeOptions = {}, private readonly reuse = true) {
    this.lexicon = options.lexicon ?? defaultLexicon();
    this.claimThreshold = options.claimThreshold ?? DEFAULT_CLAIM_THRESHOLD;
    this.models = options.models ?? shippedModels();
    this.givenScorer = options.claimScorer;
    this.feedback = options.feedback ?? [];
  }

  private entryFor(text: string, start: number, end: number, lines: boolean): CachedBlock {
    const source = text.slice(start, end);
    const model = this.models.languageModel();
    if (!this.reuse) return newEntry(countLanguageCues(source, model), model !== null);
    const map = lines ? this.cache.lines : this.cache.paragraphs;
    let entry = map.get(source);
    if (!entry) {
      entry = newEntry(countLanguageCues(source, model), model !== null);
      map.set(source, entry);
    }
    return entry;
  }

  /** The cache entry of a piece of a long line: its results depend on its context and on the line's language. */
  private pieceEntry(text: string, piece: LinePiece, line: CachedBlock): CachedBlock {
    const make = (): CachedBlock => ({ cues: NO_CUES, inArticle: line.inArticle, results: { de: undefined, en: undefined } });
    if (!this.reuse) return make();
    const key = `${line.inArticle.de}${line.inArticle.en}${piece.start - piece.context.start}:${piece.end - piece.context.start}\u0000${text.slice(piece.context.start, piece.context.end)}`;
    let entry = this.cache.lines.get(key);
    if (!entry) {
      entry = make();
      this.cache.lines.set(key, entry);
    }
    return entry;
  }

  /** Turns top-level blocks into analysis units. */
  private unitsOf(text: string, blocks: Block[], out: Unit[]): void {
    for (const block of blocks) {
      if (block.kind !== 'markdown') {
        out.push({ start: block.start, end: block.end, top: true, entry: null, lines: false, cues: NO_CUES, context: undefined, placed: undefined });
        continue;
      }
      let top = true;
      for (const part of splitLines(text, block)) {
        const entry = this.entryFor(text, part.start, part.end, part.lines);
        const pieces = longLinePieces(text, part.start, part.end);
        if (!pieces) {
          out.push({ start: part.start, end: part.end, top, entry, lines: part.lines, cues: entry.cues, context: undefined, placed: undefined });
        } else {
          // Every piece is analysed in the language the whole line would be.
          for (const piece of pieces) {
            const pieceEntry = this.pieceEntry(text, piece, entry);
            out.push({ start: piece.start, end: piece.end, top, entry: pieceEntry, lines: part.lines, cues: piece === pieces[0] ? entry.cues : NO_CUES, context: piece.context, placed: undefined });
            top = false;
          }
        }
        top = false;
      }
    }
  }

  /**
   * Splits the whole text into units, in batches of SPLIT_BATCH blocks until `deadline`: null when
   * the deadline came first (the next call with the same text goes on where this one stopped).
   * Splitting 1 MB and counting its language cues takes tens of milliseconds, more before V8 has
   * compiled the code: too long for one slice of the editor's background analysis.
   */
  private allUnits(given: ArticleText, metadataEnd: number, deadline?: number): Split | null {
    let pending = this.splitting;
    if (!pending || pending.text !== given || pending.metadataEnd !== metadataEnd) {
      pending = { text: given, metadataEnd, resumeAt: metadataEnd, units: [] };
      this.splitting = pending;
    }
    const text = wholeText(given);
    let batches = 0;
    while (pending.resumeAt >= 0) {
      if (deadline !== undefined && batches > 0 && performance.now() >= deadline) return null;
      const from = pending.resumeAt;
      let blocksLeft = SPLIT_BATCH;
      // Stops at a block start (never the first): scanning resumes there as a full scan would go on.
      const { blocks, stoppedAt } = scanBlocks(text, from, text.length, (pos) => pos > from && --blocksLeft < 0);
      this.unitsOf(text, blocks, pending.units);
      pending.resumeAt = stoppedAt;
      batches++;
    }
    this.splitting = null;
    const units = pending.units;
    return { units, fresh: { from: 0, to: units.length }, cues: cuesOf(units, 0, units.length) };
  }

  /** Splits only the changed part of the text again; null when the change is too close to the start to bother. */
  private changedUnits(previous: State, text: ArticleText, metadataEnd: number): Split | null {
    if (metadataEnd !== previous.metadataEnd) return null;
    const old = previous.text;
    const unchanged = (): Split => ({ units: previous.units, fresh: { from: 0, to: 0 }, cues: previous.cues });
    if (old === text) return unchanged();
    const strings = typeof old === 'string' && typeof text === 'string';
    const prefix = strings ? commonPrefix(old, text) : commonPrefixOf(old, text);
    if (prefix === old.length && prefix === text.length) return unchanged();
    const limit = Math.min(old.length, text.length) - prefix;
    const suffix = strings ? commonSuffix(old, text, limit) : commonSuffixOf(old, text, limit);
    const delta = text.length - old.length;
    const newChangeEnd = text.length - suffix;
    const units = previous.units;
    // The last top-level block that starts before the change: scanning restarts there.
    let restart = -1;
    for (let lo = 0, hi = units.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (units[mid].start < prefix) {
        restart = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (restart > 0 && !units[restart].top) restart--;
    // Before the first block the scan starts where a full one does (front matter is looked for there).
    if (restart === 0) restart = -1;
    const restartAt = restart < 0 ? metadataEnd : units[restart].start;
    // The first old top-level block start at or after the change, as a position in the new text.
    let resume = -1;
    const stop = (pos: number): boolean => {
      if (pos < newChangeEnd) return false;
      const oldPos = pos - delta;
      let lo = restart + 1;
      let hi = units.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (units[mid].start < oldPos) lo = mid + 1;
        else hi = mid - 1;
      }
      // A block at the text's start may be front matter, which it is only there: text typed before
      // it makes it ordinary Markdown, so the old unit is not taken up again at another place.
      if (lo < units.length && units[lo].start === oldPos && units[lo].top && (oldPos !== 0 || pos === 0)) {
        resume = lo;
        return true;
      }
      return false;
    };
    const { window, blocks, stoppedAt } = scanChangedBlocks(text, restartAt, newChangeEnd, stop);
    const from = Math.max(restart, 0);
    const kept = stoppedAt >= 0 ? resume : units.length;
    const fresh: Unit[] = [];
    this.unitsOf(window.text, blocks, fresh);
    if (window.shift !== 0) for (const unit of fresh) moveUnit(unit, window.shift);
    keepUnchangedUnits(fresh, units, from, kept, prefix, newChangeEnd, delta);
    const cues = subtractCues(addCues(cuesOf(fresh, 0, fresh.length), previous.cues), cuesOf(units, from, kept));
    if (delta !== 0) for (let i = kept; i < units.length; i++) moveUnit(units[i], delta);
    return { units: spliced(units, from, kept, fresh), fresh: { from, to: from + fresh.length }, cues, replaced: { from, to: kept, delta } };
  }

  /** Drops cached blocks that no longer occur once the cache has grown well beyond the article. */
  private pruneCache(units: Unit[]): void {
    const size = this.cache.lines.size + this.cache.paragraphs.size;
    if (size <= 2 * units.length + 256) return;
    const live = new Set<CachedBlock>();
    for (const unit of units) if (unit.entry) live.add(unit.entry);
    for (const map of [this.cache.lines, this.cache.paragraphs]) {
      for (const [key, entry] of map) if (!live.has(entry)) map.delete(key);
    }
  }

  /**
   * Brings the analyzer to `text`: splits the changed part into blocks again, then analyses the
   * blocks that overlap `options.priority`, then the others in order until `options.deadline`.
   * Blocks already seen (in this or an earlier version) are not parsed again.
   * @returns true when the whole text is analysed; otherwise call again (with the same or a newer
   *   text) to go on.
   */
  update(text: ArticleText, options: UpdateOptions = {}): boolean {
    // The date and the metadata are read from the article's head (front matter: its first 4 KB).
    const { date, metadataEnd } = readArticleDate(text.slice(0, ARTICLE_HEAD_CHARS));
    const previous = this.state;
    const changed = this.reuse && previous ? this.changedUnits(previous, text, metadataEnd) : null;
    const split = changed ?? this.allUnits(text, metadataEnd, options.priorityNow ? options.splitDeadline : options.deadline);
    if (!split) {
      // Nothing can be analysed before the split is whole: the article's language needs every unit's cues.
      this.state = null;
      this.dropAssembly();
      return false;
    }
    const { units, cues } = split;
    const language = languageFromCues(cues);
    if (previous && previous.complete && previous.units === units && previous.language === language) {
      this.state = { ...previous, text };
      return true;
    }
    // Every call splits or analyses at least one unit, so that repeated calls finish; the call that
    // completes a split has done its part, and analyses the priority ranges only while time is left.
    let progressed = changed === null;
    // After a complete analysis in the same language only the newly split units can lack results.
    const afterComplete = previous?.complete === true && previous.language === language;
    // A call for an answer now (hover, light bulb) while the rest of the text is analysed in the
    // background analyses its ranges and nothing else: the next unit in order could be one seen for
    // the first time, tens of milliseconds in its turn. After an edit of a complete analysis it still
    // takes the edit's unit, so that the edit's findings are spliced in, not assembled again.
    const answerOnly = options.priorityNow === true && !afterComplete;
    const deadline = options.deadline;
    // Stops before a unit that would end past the deadline at the pace measured so far, not after it.
    // A piece of a long line is analysed with its context, and its time recorded for the context's length.
    const overdue = (unit: Unit): boolean => deadline !== undefined && (progressed || answerOnly) && performance.now() + this.pace.estimate(analysedLength(unit)) >= deadline;
    let complete = true;
    priority: for (const range of options.priority ?? []) {
      for (let i = firstUnitEndingAfter(units, range.start); i < units.length && units[i].start < range.end; i++) {
        const entry = units[i].entry;
        // A unit analysed already costs nothing: no reason to stop before it (a long paragraph on
        // screen below the edited one would otherwise leave every keystroke's slice unfinished).
        if (!entry || resultIn(entry, language)) continue;
        if (!options.priorityNow && overdue(units[i])) {
          complete = false;
          break priority;
        }
        if (this.analyzeUnit(text, units[i], language)) progressed = true;
      }
    }
    const pending = afterComplete ? split.fresh : { from: 0, to: units.length };
    for (let i = pending.from; complete && i < pending.to; i++) {
      const unit = units[i];
      if (!unit.entry || resultIn(unit.entry, language)) continue;
      if (overdue(unit)) {
        complete = false;
        break;
      }
      this.analyzeUnit(text, unit, language);
      progressed = true;
    }
    const same = previous !== null && previous.units === units && previous.language === language && previous.date === date;
    const oneEdit = previous?.complete && complete && previous.language === language && previous.date === date && split.replaced;
    if (oneEdit && this.sinceAssembly === 'nothing' && previous.units === this.lastAssembly?.units) {
      this.sinceAssembly = { previous: previous.units, from: split.replaced!.from, to: split.replaced!.to, added: split.fresh.to - split.fresh.from };
    } else if (!same || progressed) {
      this.sinceAssembly = 'more';
    }
    this.state = { text, metadataEnd, date, language, units, cues, complete };
    if (progressed || !same) this.dropAssembly();
    if (this.reuse) this.pruneCache(units);
    return complete;
  }

  /**
   * The analysis of the text last given to `update`. Blocks not analysed yet (when `update` stopped
   * at its deadline) contribute no findings.
   */
  result(): Analysis {
    this.assembleUntil();
    return this.assembled ?? { language: 'de', date: null, findings: [] };
  }

  /**
   * The claims of {@link result}, and those with time-sensitive wording, in text order: kept with the
   * assembly (spliced after a keystroke), not filtered from every finding of the article again.
   */
  claimsSoFar(): ClaimLists {
    const findings = this.result().findings;
    const last = this.lastAssembly;
    if (last && last.findings === findings) return { claims: last.claims, timeSensitive: last.timeSensitive };
    // The team's corrections changed the list (or nothing is assembled): filtered from the result.
    const claims = findings.filter((f): f is ClaimFinding => f.kind === 'claim');
    return { claims, timeSensitive: claims.filter((c) => c.timeSensitive.length > 0).sort((a, b) => a.start - b.start) };
  }

  /**
   * Assembles the result of the last `update` until `deadline` (a `performance.now()` time), in
   * batches of units, and goes on where it stopped on the next call; `result()` then costs nothing.
   * Assembling every finding of a 1 MB article is tens of milliseconds: too long for one turn of the
   * editor. After one edit the findings are spliced instead (see spliceAssembly), in one go.
   * @returns true when the result is assembled.
   */
  assembleUntil(deadline?: number): boolean {
    const state = this.state;
    if (this.assembled || !state) return true;
    if (!this.partial) {
      const spliced = typeof this.sinceAssembly === 'object' && this.lastAssembly ? spliceAssembly(this.lastAssembly, this.sinceAssembly, state.units, this.keys) : undefined;
      if (spliced) {
        this.finishAssembly(state, spliced);
        return true;
      }
      this.partial = startAssembly(state.units, state.language, state.date, this.learnedOf(state), this.keys);
    }
    if (!placeUnits(this.partial, this.keys, deadline)) return false;
    this.finishAssembly(state, this.partial);
    return true;
  }

  private finishAssembly(state: State, assembly: Assembly): void {
    this.partial = undefined;
    this.lastAssembly = assembly;
    this.sinceAssembly = 'nothing';
    const findings = assembly.findings;
    this.assembled = { language: state.language, date: state.date, findings: this.feedback.length > 0 ? applyFeedback(wholeText(state.text), findings, this.feedback) : findings };
  }

  /** Forgets the result and any assembly under way: the state changed. */
  private dropAssembly(): void {
    this.assembled = undefined;
    this.partial = undefined;
  }

  /** The language and date of the last text given to `update`, without assembling its findings; undefined while it is being split. */
  get article(): Pick<Analysis, 'language' | 'date'> | undefined {
    return this.state ? { language: this.state.language, date: this.state.date } : undefined;
  }

  /** True while a text's first split into units is under way: `update` stopped before it could analyse anything. */
  get isSplitting(): boolean {
    return this.splitting !== null;
  }

  /**
   * True when every unit of the last text given to `update` that overlaps `ranges` is analysed (the
   * part on screen is worth showing); false while the text is still being split.
   */
  isAnalysed(ranges: readonly OffsetRange[]): boolean {
    const state = this.state;
    if (!state) return false;
    for (const range of ranges) {
      for (let i = firstUnitEndingAfter(state.units, range.start); i < state.units.length && state.units[i].start < range.end; i++) {
        const entry = state.units[i].entry;
        if (entry && !resultIn(entry, state.language)) return false;
      }
    }
    return true;
  }

  /**
   * The findings that contain `offset` in the last text given to `update`, as `result()` has them,
   * without assembling the rest of the article (hover, light bulb). Only the unit under the offset is
   * placed; with the team's corrections, which apply to the whole list, the whole result is assembled.
   */
  findingsAt(offset: number): Finding[] {
    const state = this.state;
    if (!state) return [];
    if (this.assembled || this.feedback.length > 0) return spansIn(this.result().findings, { start: offset, end: offset + 1 }).filter((f) => spanContains(f, offset));
    const unit = state.units[firstUnitEndingAfter(state.units, offset)];
    if (!unit || unit.start > offset) return [];
    const learned = this.learnedOf(state);
    updateKeys(this.keys, learned, state.date);
    return (placedFindingsOf(unit, state.language, state.date, learned, this.keys) ?? []).filter((f) => spanContains(f, offset));
  }

  /**
   * The names learnt from context in the analysed units (see learnedNames), kept until another unit
   * is analysed or the units change: a hover or the light bulb asked for them anew over every unit of
   * a large article (some 17,000 units in 1 MB), and every start of an assembly once more.
   */
  private learnedOf(state: State): Map<string, LearnedName> {
    const known = this.learned;
    if (known && known.units === state.units && known.language === state.language && known.unitsAnalysed === this.unitsAnalysed) return known.names;
    const names = learnedNames(state.units, state.language);
    this.learned = { units: state.units, language: state.language, unitsAnalysed: this.unitsAnalysed, names };
    return names;
  }

  /** Analyses `text` in full (blocks seen before are reused). */
  analyze(text: string): Analysis {
    this.update(text);
    return this.result();
  }

  /** Analyses one unit unless it has its result already; true when it did. */
  private analyzeUnit(text: ArticleText, unit: Unit, article: Language): boolean {
    const entry = unit.entry;
    if (!entry) return false;
    const language = ownLanguage(entry, article);
    if (entry.results[language]) return false;
    const { start, end } = unit.context ?? unit;
    const started = performance.now();
    const result = analyzeBlock(text.slice(start, end), language, this.lexicon, this.claimThreshold, unit.lines, this.models.entityTagger(language), this.claimScorer, this.verdicts, this.models.wordIds);
    entry.results[language] = unit.context ? pieceOf(result, unit.start - start, unit.end - start) : result;
    this.unitsAnalysed += 1;
    this.pace.record(end - start, performance.now() - started);
    return true;
  }
}

/** Moves a unit (and a long line piece's context) by `delta` characters. */
function moveUnit(unit: Unit, delta: number): void {
  unit.start += delta;
  unit.end += delta;
  const context = unit.context;
  if (context) unit.context = { start: context.start + delta, end: context.end + delta };
}

/** Characters after an edit first scanned for the block start where the old blocks resume; doubled until found. */
const CHANGE_WINDOW_CHARS = 4 * 1024;

/**
 * The blocks from `restartAt` (a block start before the change, or where a full scan starts) to the
 * first block start at or after `changeEnd` that `stop` accepts, scanned in a window of the text
 * (its string and how far its offsets lie from the text's; the blocks are in the window's offsets),
 * so that a keystroke into a text held in pieces reads a few kilobytes, not all of it. A window is
 * taken when the scan stopped inside it with the line at the stop whole (the scanner decided there
 * only from that line and the ones before), or when it reaches the text's end; else it doubles.
 */
function scanChangedBlocks(text: ArticleText, restartAt: number, changeEnd: number, stop: (pos: number) => boolean): { window: { text: string; shift: number }; blocks: Block[]; stoppedAt: number; frontMatterOpen: boolean } {
  if (typeof text === 'string') return { window: { text, shift: 0 }, ...scanBlocks(text, restartAt, text.length, stop) };
  for (let size = CHANGE_WINDOW_CHARS; ; size *= 2) {
    const end = Math.min(text.length, Math.max(changeEnd, restartAt) + size);
    // Front matter is looked for only at the text's start: a window of a later part starts with a
    // line break, so that the scanner does not take its first line for the start of the text.
    const window = restartAt <= 1 ? { text: text.slice(0, end), shift: 0 } : { text: `\n${text.slice(restartAt, end)}`, shift: restartAt - 1 };
    const scan = scanBlocks(window.text, restartAt - window.shift, window.text.length, (pos) => stop(pos + window.shift));
    // Front matter opened at the start but not closed in the window: whether it is front matter
    // depends on the text after the window.
    const whole = end === text.length || (!scan.frontMatterOpen && scan.stoppedAt >= 0 && window.text.indexOf('\n', scan.stoppedAt) >= 0);
    if (whole) return { window, ...scan };
  }
}

/**
 * Puts the old unit back wherever a newly split unit outside the changed text has the same text at
 * the same place (shifted by the edit), so that it keeps its placed findings: a keystroke in a long
 * list re-splits the whole list, but only the edited line needs new placements.
 * @param old the previous units; old[from, to) are the ones the new split replaces, not yet shifted.
 */
function keepUnchangedUnits(fresh: Unit[], old: Unit[], from: number, to: number, prefix: number, changeEnd: number, delta: number): void {
  let j = from;
  for (let i = 0; i < fresh.length; i++) {
    const unit = fresh[i];
    if (!unit.entry) continue;
    let oldStart: number;
    if (unit.end <= prefix) oldStart = unit.start;
    else if (unit.start >= changeEnd) oldStart = unit.start - delta;
    else continue;
    while (j < to && old[j].start < oldStart) j++;
    if (j === to) return;
    const match = old[j];
    if (match.start !== oldStart || match.entry !== unit.entry) continue;
    match.start = unit.start;
    match.end = unit.end;
    match.top = unit.top;
    match.cues = unit.cues;
    match.context = unit.context;
    fresh[i] = match;
    j++;
  }
}

/** The language cues counted in units[from, to). */
function cuesOf(units: Unit[], from: number, to: number): LanguageCues {
  const cues: LanguageCues = { de: 0, en: 0 };
  for (let i = from; i < to; i++) {
    addCues(cues, units[i].cues);
  }
  return cues;
}

function addCues(total: LanguageCues, cues: LanguageCues): LanguageCues {
  total.de += cues.de;
  total.en += cues.en;
  return total;
}

function subtractCues(total: LanguageCues, cues: LanguageCues): LanguageCues {
  total.de -= cues.de;
  total.en -= cues.en;
  return total;
}

const NO_CUES: LanguageCues = Object.freeze({ de: 0, en: 0 });

/** What a piece of a long line yields: the context's findings and name candidates that start in [from, to), relative to `from`. */
function pieceOf(context: BlockAnalysis, from: number, to: number): BlockAnalysis {
  const inside = <T extends { start: number; end: number }>(spans: T[]): T[] =>
    spans.filter((f) => f.start >= from && f.start < to).map((f) => ({ ...f, start: f.start - from, end: f.end - from }));
  // Names learnt in the context are learnt in the article anyway, in the same order of first occurrence.
  return { findings: inside(context.findings), learned: context.learned, candidates: inside(context.candidates) };
}

/** A cache entry for a block with these language cues, not analysed yet. */
function newEntry(cues: LanguageCues, modelled: boolean): CachedBlock {
  return { cues, inArticle: { de: paragraphLanguage(cues, 'de', modelled), en: paragraphLanguage(cues, 'en', modelled) }, results: { de: undefined, en: undefined } };
}

/** Index of the first unit that ends after `offset` (units are sorted and do not overlap). */
function firstUnitEndingAfter(units: Unit[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Units placed between two looks at the deadline while assembling. */
const ASSEMBLY_BATCH = 64;

/**
 * Starts shifting block results into place, applying what the article as a whole knows: a name
 * learnt from context in one place ("die Tech-Firma Kuaishou", "Kai-Fu Lee") is an entity wherever
 * it recurs, and a date written without a year ("14. April") takes the article's year.
 */
function startAssembly(units: Unit[], language: Language, date: string | null, learned: Map<string, LearnedName>, keys: PlacementKeys): PartialAssembly {
  updateKeys(keys, learned, date);
  return { units, language, date, learned, findings: [], claims: [], timeSensitive: [], placedUnits: 0 };
}

/**
 * Places the next units of an assembly in batches of ASSEMBLY_BATCH until `deadline` (at least one
 * batch per call, so that repeated calls finish).
 * @returns true when every unit is placed.
 */
function placeUnits(assembly: PartialAssembly, keys: PlacementKeys, deadline?: number): boolean {
  const { units, language, date, learned } = assembly;
  for (let batches = 0; assembly.placedUnits < units.length; batches++) {
    if (deadline !== undefined && batches > 0 && performance.now() >= deadline) return false;
    const from = assembly.placedUnits;
    const to = Math.min(units.length, from + ASSEMBLY_BATCH);
    for (let i = from; i < to; i++) {
      const placed = placedOf(units[i], language, date, learned, keys);
      if (placed) appendPlaced(assembly, placed); // else not analysed yet
    }
    assembly.placedUnits = to;
  }
  return true;
}

/**
 * After one edit of a completely analysed article, assembles by splicing: the findings before the
 * edit are kept, the changed units' findings put in, the ones after moved in place. What `assemble`
 * would return, without a pass over every unit and finding of a large article on each keystroke.
 * Undefined when the edit adds or removes a learned name (every unit may place differently then).
 */
function spliceAssembly(last: Assembly, edit: Splice, units: Unit[], keys: PlacementKeys): Assembly | undefined {
  const { language, date, learned } = last;
  if (learnedKey(edit.previous, edit.from, edit.to, language) !== learnedKey(units, edit.from, edit.from + edit.added, language)) return undefined;
  // The findings before the edit have not moved: the first one at or after the first replaced unit's start.
  const firstReplaced = edit.from < edit.previous.length ? edit.previous[edit.from].start : Infinity;
  const removed: ClaimLists & { findings: Finding[] } = { findings: [], claims: [], timeSensitive: [] };
  for (let i = edit.from; i < edit.to; i++) {
    const placed = edit.previous[i].placed;
    if (placed) appendPlaced(removed, placed);
  }
  const added: ClaimLists & { findings: Finding[] } = { findings: [], claims: [], timeSensitive: [] };
  for (let i = edit.from; i < edit.from + edit.added; i++) {
    const placed = placedOf(units[i], language, date, learned, keys);
    if (placed) appendPlaced(added, placed);
  }
  moveUnitsBehind(units, edit.from + edit.added);
  const splice = <T extends Finding>(old: T[], gone: number, put: T[]): T[] => {
    const kept = countStartingBefore(old, firstReplaced);
    return spliced(old, kept, kept + gone, put);
  };
  return {
    units, language, date, learned,
    findings: splice(last.findings, removed.findings.length, added.findings),
    claims: splice(last.claims, removed.claims.length, added.claims),
    timeSensitive: splice(last.timeSensitive, removed.timeSensitive.length, added.timeSensitive),
  };
}

/** The most elements spread into `splice`'s arguments (see spliced). */
const MAX_SPREAD = 8192;

/**
 * A new array: old[0, from), then `put`, then old[to..]. A keystroke in a large article splices
 * lists of some 20,000 findings and 15,000 units: slicing the tail before concatenating made a
 * second copy of it as garbage on every keystroke. One native copy spliced in place instead: a loop
 * copying element by element allocates as little but runs unoptimised in the first keystrokes after
 * opening (`npm run bench -- keystroke`, first keystrokes in fresh processes).
 */
export function spliced<T>(old: readonly T[], from: number, to: number, put: readonly T[]): T[] {
  // Spread into arguments, V8 throws a RangeError beyond some 120,000 elements (a large paste,
  // Undo after Replace All): larger lists are concatenated.
  if (put.length > MAX_SPREAD) return old.slice(0, from).concat(put, old.slice(to));
  const result = old.slice();
  result.splice(from, to - from, ...put);
  return result;
}

/** Adds a unit's placed findings, claims and time-sensitive claims to the lists. */
function appendPlaced(lists: ClaimLists & { findings: Finding[] }, placed: Placed): void {
  for (let k = 0; k < placed.findings.length; k++) lists.findings.push(placed.findings[k]);
  for (let k = 0; k < placed.claims.length; k++) lists.claims.push(placed.claims[k]);
  for (let k = 0; k < placed.timeSensitive.length; k++) lists.timeSensitive.push(placed.timeSensitive[k]);
}

/** How many of the findings (sorted by start) start before `offset`. */
function countStartingBefore(findings: readonly Finding[], offset: number): number {
  let lo = 0;
  for (let hi = findings.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Moves the placed findings of units[from..] to where their units now start (the same objects as in
 * the last assembly). These units kept their result, and the splice keeps the learned names and the
 * date, so their placements are current but for the offset: nothing is checked per unit beyond it.
 * placedFindingsOf's checks would read four objects per unit (entry, results, result, candidates),
 * which for the ~15,000 units behind a keystroke near the top of a 1 MB article cost more than
 * moving the findings themselves.
 */
function moveUnitsBehind(units: Unit[], from: number): void {
  for (let i = from; i < units.length; i++) {
    const unit = units[i];
    const placed = unit.placed;
    if (placed === undefined || placed.start === unit.start) continue;
    moveFindings(placed.findings, unit.start - placed.start);
    placed.start = unit.start;
  }
}

/** The names units[from, to) learn, in order, as one string. */
function learnedKey(units: Unit[], from: number, to: number, language: Language): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const entry = units[i].entry;
    const names = entry ? resultIn(entry, language)?.learned : undefined;
    if (names) for (const name of names) key += `${name.text}\u0000${name.type}\u0000${name.canonical}\u0001`;
  }
  return key;
}

/** The names learnt from context in the analysed units, first occurrence first. */
function learnedNames(units: Unit[], language: Language): Map<string, LearnedName> {
  const learned = new Map<string, LearnedName>();
  for (let i = 0; i < units.length; i++) {
    const entry = units[i].entry;
    const names = entry ? resultIn(entry, language)?.learned : undefined;
    if (names) for (const name of names) if (!learned.has(name.text)) learned.set(name.text, name);
  }
  return learned;
}

/** Brings the placement keys to the learned names and the date; the same strings as last time when nothing changed. */
function updateKeys(keys: PlacementKeys, learned: Map<string, LearnedName>, date: string | null): void {
  // The same names as last time (kept by learnedOf): nothing to sort.
  if (learned === keys.names && date === keys.date) return;
  keys.names = learned;
  // Sorted: an edit that only moves where a name is first learnt leaves the placements alone.
  const learnedKey = learned.size ? [...learned.values()].map((n) => `${n.text}\u0000${n.type}\u0000${n.canonical}`).sort().join('\u0001') : '';
  // Unchanged strings keep the check per block a pointer comparison.
  if (learnedKey === keys.learned && date === keys.date) return;
  keys.learned = learnedKey;
  keys.date = date;
  keys.withNames = `${learnedKey}\u0002${date ?? ''}`;
  keys.withoutNames = `\u0002${date ?? ''}`;
}

/** A unit's findings in their place in the article (made once, moved after edits); undefined when it is not analysed yet. */
function placedFindingsOf(unit: Unit, language: Language, date: string | null, learned: Map<string, LearnedName>, keys: PlacementKeys): Finding[] | undefined {
  return placedOf(unit, language, date, learned, keys)?.findings;
}

/** A unit's placement (made once, moved after edits); undefined when it is not analysed yet. */
function placedOf(unit: Unit, language: Language, date: string | null, learned: Map<string, LearnedName>, keys: PlacementKeys): Placed | undefined {
  if (!unit.entry) return undefined;
  const own = ownLanguage(unit.entry, language);
  const result = own === 'de' ? unit.entry.results.de : unit.entry.results.en;
  if (!result) return undefined;
  const key = result.candidates.length ? keys.withNames : keys.withoutNames;
  let placed = unit.placed;
  if (!placed || placed.result !== result || placed.key !== key) {
    const findings = place(unit.start, result, learned, own, date);
    const claims = findings.filter((f): f is ClaimFinding => f.kind === 'claim');
    placed = { start: unit.start, result, key, findings, claims, timeSensitive: claims.filter((c) => c.timeSensitive.length > 0) };
    unit.placed = placed;
  } else if (placed.start !== unit.start) {
    // Behind an edit: move the findings in place rather than copy them all on every keystroke.
    moveFindings(placed.findings, unit.start - placed.start);
    placed.start = unit.start;
  }
  return placed;
}

/**
 * Shifts findings by `delta`. A function of its own: on the first edit after an article was opened
 * this runs for every finding behind the edit, and a small function gets optimised by V8 within that
 * call, where a branch of assemble never taken before sends the whole loop back to the interpreter.
 */
function moveFindings(findings: Finding[], delta: number): void {
  for (let k = 0; k < findings.length; k++) {
    const finding = findings[k];
    finding.start += delta;
    finding.end += delta;
  }
}

/** What placed findings were made for: learned names and the article date, as strings kept between results. */
interface PlacementKeys {
  /** The names the keys were last made from. */
  names?: Map<string, LearnedName>;
  learned: string;
  date: string | null;
  withNames: string;
  withoutNames: string;
}

function place(offset: number, result: BlockAnalysis, learned: Map<string, LearnedName>, language: Language, date: string | null): Finding[] {
  const extra: EntityFinding[] = [];
  if (learned.size) {
    for (const candidate of result.candidates) {
      const stem = language === 'de' && candidate.text.endsWith('s') ? candidate.text.slice(0, -1) : null;
      const name = learned.get(candidate.text) ?? (stem ? learned.get(stem) : undefined);
      if (!name) continue;
      extra.push({ kind: 'entity', type: name.type, start: candidate.start, end: candidate.end, text: candidate.text, canonical: name.canonical, reasons: ['rule: named so elsewhere in the article'] });
    }
  }
  const blockFindings = extra.length ? [...result.findings, ...extra].sort(compareFindings) : result.findings;
  return blockFindings.map((f) => {
    const placed = shift(f, offset);
    // The copies belong to this placement, so completing them leaves the cached results alone.
    const value = date ? completeDateValue(placed, date) : null;
    if (value !== null) (placed as NumberFinding).value = value;
    return placed;
  });
}

/**
 * The first analysis of a process reads the models, builds the lexicon and compiles the analysis:
 * 150–250 ms in one turn of the editor's extension host. These steps do the same one at a time, so
 * that the editor can give each a turn of its own before the first article is analysed.
 */
export function warmUpSteps(options: AnalyzeOptions = {}): (() => void)[] {
  const models = options.models ?? shippedModels();
  const german = 'Laut Reuters stieg der Umsatz von Alibaba im März um 12 Prozent auf 7,2 Milliarden Euro, sagte der Konzern.';
  const english = 'Revenue at Alibaba rose 12 percent to $7.2 billion in March, the company told Reuters on Monday.';
  const sample = (text: string) => () => void analyze(text, { ...options, models, feedback: [] });
  return [
    () => models.claimModel(),
    () => models.languageModel(),
    () => models.entityTagger('de'),
    () => models.entityTagger('en'),
    () => options.lexicon ?? defaultLexicon(),
    sample(german),
    sample(english),
    // The edit path (re-splitting, moving findings, reassembling), so that the first keystroke does not compile it.
    () => warmUpEditPath(Array.from({ length: 24 }, (_, i) => `${german} (${i})`).join('\n\n'), { ...options, models }),
  ];
}

const WARM_UP_CHARS = 2048;

/**
 * Runs the edit path of an IncrementalAnalyzer (re-splitting, moving findings, reassembling) a few
 * times on the first few kilobytes of `text`, and throws the result away. V8 compiles code when it
 * first runs: without this, the first keystroke in a large article pays for compiling the edit path
 * while running it over every paragraph. Takes a few milliseconds; call it in idle time.
 */
export function warmUpEditPath(text: string, options: AnalyzeOptions = {}): void {
  const cut = text.indexOf('\n', WARM_UP_CHARS);
  let sample = cut < 0 ? text : text.slice(0, cut);
  const analyzer = new IncrementalAnalyzer(options);
  analyzer.analyze(sample);
  // Edits near the start, so that most of the sample is behind them and moves; then the same in
  // pieces, as the editor holds an article's text (see PieceText).
  const blank = sample.indexOf('\n\n');
  const at = blank < 0 ? 0 : blank + 2;
  for (let i = 0; i < 8; i++) {
    sample = i % 2 === 0 ? sample.slice(0, at) + 'x' + sample.slice(at) : sample.slice(0, at) + sample.slice(at + 1);
    analyzer.analyze(sample);
  }
  let held = PieceText.of(sample);
  for (let i = 0; i < 8; i++) {
    held = held.withEdits([i % 2 === 0 ? { offset: at, deletedLength: 0, insertedText: 'x' } : { offset: at, deletedLength: 1, insertedText: '' }]);
    analyzer.update(held);
    analyzer.result();
  }
}

/**
 * Analyses an article in full: its language, its date and every number, entity and claim.
 * Offsets are UTF-16 indices into `text`, end exclusive.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return new IncrementalAnalyzer(options, false).analyze(text);
}
