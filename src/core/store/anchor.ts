/**
 * Keeping annotations on the words they were made on.
 *
 * - While the article is open, {@link mapPositionThroughEdit} moves a range with every edit.
 * - When the article changed outside the editor, {@link resolveAnchor} / {@link resolveAll} find the
 *   quote again: first at its stored position, then by exact search, then by approximate search,
 *   scoring each candidate by quote errors, prefix and suffix similarity and distance from where it
 *   was expected (after Hypothesis's anchoring, see the README of approx-string-match).
 *
 * Improvement over Hypothesis: approximate search there only reports the matches with the fewest
 * errors, so an exact copy of the quote pasted anywhere beats the original place once that place was
 * edited slightly. Here, unless an exact hit also has the right context, the neighbourhood of the
 * expected position and of the context's occurrences is searched approximately as well, and all
 * candidates compete on one score in which the context weighs as much as the quote.
 *
 * Line endings: quotes are stored with LF; a CRLF article is searched in an LF view of its text and
 * the results are mapped back, so a teammate's checkout with other line endings still anchors.
 * All offsets are UTF-16 code units of the article text, end exclusive.
 */
import search from 'approx-string-match';
import type { AnchorState, TextPosition, TextQuote } from './annotation';
import { MAX_CONTEXT_LENGTH } from './validate';
import { bestAnchoredMatch, editDistance, prefixSimilarity, suffixSimilarity } from './textSimilarity';

/** Where an annotation stands in the current text. */
export type AnchorResolution = { state: 'orphaned'; start?: undefined; end?: undefined } | { state: Exclude<AnchorState, 'orphaned'>; start: number; end: number };

/** What resolving needs of an annotation. */
export interface AnchorTarget {
  quote: TextQuote;
  position: TextPosition;
}

/** One edit of a text: `deletedLength` code units at `offset` replaced by `insertedText`. */
export interface TextEdit {
  offset: number;
  deletedLength: number;
  insertedText: string;
}

const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
/** Nearness to the expected place as a share of the whole text (Hypothesis's tie-breaker). */
const POSITION_WEIGHT = 2;
/**
 * Nearness measured in quote lengths: decides between similar candidates in self-similar text (lists,
 * tables, repeated phrasing), where the place the neighbours point to is the best evidence left.
 */
const LOCAL_POSITION_WEIGHT = 10;
/** An exact hit whose prefix and suffix are at least this similar is taken without looking further. */
const CONFIDENT_CONTEXT = 0.8;
/** Approximate hits may differ from the quote in at most this share of its length. */
const MAX_ERROR_RATE = 0.5;
/** Without support from the context, an approximate hit must be at least this similar, and the quote at least this long. */
const CONFIDENT_QUOTE_WITHOUT_CONTEXT = 0.8;
const MIN_QUOTE_WITHOUT_CONTEXT = 20;
/** The last-resort search of the whole text looks for close matches only (this share of errors at most). */
const GLOBAL_ERROR_RATE = 0.1;
/** A piece of the quote occurring more often than this is too common to narrow the last-resort search. */
const MAX_PIECE_HITS = 2000;
/**
 * Share of the best possible quote-and-context score an approximate hit needs: near the expected
 * place, or (stricter, since a similar passage elsewhere is more likely a different one) far from it.
 */
const MIN_SHARE_NEARBY = 0.6;
const MIN_SHARE_FAR_AWAY = 0.7;
/** How far around the expected place the nearby search looks (at least; four quote lengths if more). */
const LOCAL_REACH = 1024;
/** How many occurrences of the quote or of its context are scored at most. */
const MAX_EXACT_CANDIDATES = 1000;
const MAX_CONTEXT_ANCHORS = 10;
/** Context shorter than this is too common to locate a quote by. */
const MIN_CONTEXT_FOR_SEARCH = 6;
/** Prefix and suffix each at least this long, both unchanged, pin down a rewritten quote between them. */
const MIN_CONTEXT_FOR_BRACKET = 8;

/** Replaces CRLF by LF: quotes are stored, and texts searched, with LF line endings. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

/** Drops a low surrogate at the start so a cut never splits an emoji. */
function trimBrokenStart(text: string): string {
  const c = text.charCodeAt(0);
  return c >= 0xdc00 && c <= 0xdfff ? text.slice(1) : text;
}

/** Drops a high surrogate at the end so a cut never splits an emoji. */
function trimBrokenEnd(text: string): string {
  const c = text.charCodeAt(text.length - 1);
  return c >= 0xd800 && c <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * The quote selector for a range of a text: the exact words plus up to 32 characters of context on
 * each side (never half an emoji), all with LF line endings.
 * @param text The article text.
 * @param start UTF-16 offset of the first annotated code unit.
 * @param end UTF-16 offset just after the last one.
 */
export function makeQuote(text: string, start: number, end: number): TextQuote {
  const before = normalizeLineEndings(text.slice(Math.max(0, start - 2 * MAX_CONTEXT_LENGTH), start));
  const after = normalizeLineEndings(text.slice(end, end + 2 * MAX_CONTEXT_LENGTH));
  return {
    exact: normalizeLineEndings(text.slice(start, end)),
    prefix: trimBrokenStart(before.slice(-MAX_CONTEXT_LENGTH)),
    suffix: trimBrokenEnd(after.slice(0, MAX_CONTEXT_LENGTH)),
  };
}

/**
 * Moves a range through one edit of the text.
 *
 * Boundaries: text inserted exactly at the start or the end of the range stays outside it (typing
 * next to an annotated claim does not extend it); text inserted strictly inside extends it. A
 * replacement of exactly the annotated range becomes the new range (its text changed, so it will
 * resolve as `fuzzy` and ask for a second look). When an edit overlaps one end, the range keeps what
 * survives of its own text.
 * @returns The new range, or null when the whole range was deleted (or replaced along with text
 *   around it): the caller then marks the annotation orphaned and keeps it.
 */
export function mapPositionThroughEdit(position: TextPosition, edit: TextEdit): TextPosition | null {
  const { start, end } = position;
  const editStart = edit.offset;
  const editEnd = edit.offset + edit.deletedLength;
  const shift = edit.insertedText.length - edit.deletedLength;
  if (start === end) return { start: mapPoint(start, edit), end: mapPoint(start, edit) };
  if (editStart >= end) return { start, end };
  if (editEnd <= start) return { start: start + shift, end: end + shift };
  if (editStart <= start && editEnd >= end) {
    const replacedExactly = editStart === start && editEnd === end && edit.insertedText.length > 0;
    return replacedExactly ? { start, end: start + edit.insertedText.length } : null;
  }
  if (editStart < start) return { start: editStart + edit.insertedText.length, end: end + shift };
  if (editEnd > end) return { start, end: editStart };
  return { start, end: end + shift };
}

/** Moves a single offset (an orphan's last known place) through an edit; inserts at it stay after it. */
function mapPoint(offset: number, edit: TextEdit): number {
  if (edit.offset >= offset) return offset;
  if (edit.offset + edit.deletedLength <= offset) return offset + edit.insertedText.length - edit.deletedLength;
  return edit.offset;
}

/** A text prepared for searching: its LF view and the offset maps between both. */
interface PreparedText {
  raw: string;
  text: string;
  toRaw(offset: number): number;
  toText(rawOffset: number): number;
}

/** Index of the first element of a sorted array that is not below `value`. */
function lowerBound(values: Int32Array | number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function prepareText(raw: string): PreparedText {
  if (!raw.includes('\r\n')) return { raw, text: raw, toRaw: (o) => o, toText: (o) => o };
  // Raw offsets of every CR that precedes an LF, and where each of those LFs lands in the LF view.
  const crs: number[] = [];
  for (let i = raw.indexOf('\r\n'); i !== -1; i = raw.indexOf('\r\n', i + 2)) crs.push(i);
  const lfInText = Int32Array.from(crs, (p, rank) => p - rank);
  return {
    raw,
    text: raw.replace(/\r\n/g, '\n'),
    toRaw: (o) => o + lowerBound(lfInText, o),
    toText: (o) => o - lowerBound(crs, o),
  };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  quoteSimilarity: number;
  prefixSimilarity: number;
  suffixSimilarity: number;
  score: number;
}

/** The quote in LF form together with what scoring needs. */
interface SearchContext {
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  expected: number;
}

function scoreCandidate(ctx: SearchContext, start: number, end: number, errors: number): Candidate {
  const quote = Math.max(0, 1 - errors / ctx.exact.length);
  const prefix = prefixSimilarity(ctx.prefix, ctx.text, start);
  const suffix = suffixSimilarity(ctx.suffix, ctx.text, end);
  const distance = Math.abs(start - ctx.expected);
  const nearness = 1 - Math.min(1, distance / Math.max(1, ctx.text.length));
  const localNearness = Math.max(0, 1 - distance / (2 * ctx.exact.length + 32));
  return {
    start,
    end,
    errors,
    quoteSimilarity: quote,
    prefixSimilarity: prefix,
    suffixSimilarity: suffix,
    score: QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * (prefix + suffix) + POSITION_WEIGHT * nearness + LOCAL_POSITION_WEIGHT * localNearness,
  };
}

/** Higher score wins; equal scores go to the earlier place, so results never depend on search order. */
function better(a: Candidate | undefined, b: Candidate | undefined): Candidate | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  return a.start <= b.start ? a : b;
}

function hasConfidentContext(c: Candidate): boolean {
  return c.prefixSimilarity >= CONFIDENT_CONTEXT && c.suffixSimilarity >= CONFIDENT_CONTEXT;
}

/**
 * Whether an approximate hit is trustworthy: close enough to the quote, and for short quotes (where
 * chance hits abound) confirmed by the context. Text between an unchanged prefix and an unchanged
 * suffix is trusted however much it was rewritten: that is where the annotated words were.
 */
function isAcceptableFuzzy(c: Candidate, ctx: SearchContext, farAway: boolean): boolean {
  const quoteLength = ctx.exact.length;
  if (c.quoteSimilarity < 1 - MAX_ERROR_RATE) {
    return c.prefixSimilarity === 1 && c.suffixSimilarity === 1 && ctx.prefix.length >= MIN_CONTEXT_FOR_BRACKET && ctx.suffix.length >= MIN_CONTEXT_FOR_BRACKET;
  }
  if (c.quoteSimilarity >= CONFIDENT_QUOTE_WITHOUT_CONTEXT && quoteLength >= MIN_QUOTE_WITHOUT_CONTEXT) return true;
  const withoutPosition = QUOTE_WEIGHT * c.quoteSimilarity + CONTEXT_WEIGHT * (c.prefixSimilarity + c.suffixSimilarity);
  return withoutPosition >= (farAway ? MIN_SHARE_FAR_AWAY : MIN_SHARE_NEARBY) * (QUOTE_WEIGHT + 2 * CONTEXT_WEIGHT);
}

/** Offsets of every occurrence of `needle` in `text` (at most `limit`). */
function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && found.length < limit; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Hard limit on occurrences collected before choosing the nearest: bounds work on pathological texts. */
const MAX_OCCURRENCES = 100_000;

/**
 * The occurrences of `needle` in the text nearest to the expected place (at most `keep`), so that a
 * common word annotated late in a long text is still among the candidates.
 */
function nearestOccurrences(ctx: SearchContext, needle: string, keep: number): number[] {
  const all = occurrences(ctx.text, needle, MAX_OCCURRENCES);
  if (all.length <= keep) return all;
  return all.sort((a, b) => Math.abs(a - ctx.expected) - Math.abs(b - ctx.expected) || a - b).slice(0, keep);
}

function maxErrorsFor(exact: string): number {
  return Math.floor(exact.length * MAX_ERROR_RATE);
}

/** Approximate matches of the quote inside `[from, to)` of the text, scored. */
function approximateIn(ctx: SearchContext, from: number, to: number, maxErrors = maxErrorsFor(ctx.exact)): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(ctx.text.length, to);
  if (hi - lo < ctx.exact.length - maxErrors) return [];
  return search(ctx.text.slice(lo, hi), ctx.exact, maxErrors).map((m) => scoreCandidate(ctx, lo + m.start, lo + m.end, m.errors));
}

/**
 * The text right at the expected place, read as the quote: starting at the expected start, and ending
 * at the expected end. Approximate search reports only the fewest-error hits of a window, which in
 * self-similar text may all be a neighbour's words; these two candidates are always considered.
 */
function anchoredCandidates(ctx: SearchContext): Candidate[] {
  const reach = ctx.exact.length + maxErrorsFor(ctx.exact);
  const candidates: Candidate[] = [];
  const start = ctx.expected;
  if (start < ctx.text.length) {
    const m = bestAnchoredMatch(ctx.exact, ctx.text.slice(start, start + reach));
    if (m.length > 0 && m.errors <= maxErrorsFor(ctx.exact)) candidates.push(scoreCandidate(ctx, start, start + m.length, m.errors));
  }
  const end = Math.min(ctx.text.length, ctx.expected + ctx.exact.length);
  if (end > 0) {
    const m = bestAnchoredMatch(ctx.exact, ctx.text.slice(Math.max(0, end - reach), end), true);
    if (m.length > 0 && m.errors <= maxErrorsFor(ctx.exact)) candidates.push(scoreCandidate(ctx, end - m.length, end, m.errors));
  }
  return candidates;
}

/**
 * Candidates between an occurrence of the whole prefix and the next occurrence of the whole suffix:
 * when only the annotated words were rewritten, this is exactly their new range.
 * @param prefixEnds Offsets where an occurrence of the prefix ends.
 */
function bracketCandidates(ctx: SearchContext, prefixEnds: number[]): Candidate[] {
  if (ctx.prefix.length < MIN_CONTEXT_FOR_BRACKET || ctx.suffix.length < MIN_CONTEXT_FOR_BRACKET) return [];
  const maxGap = 2 * ctx.exact.length + 32;
  const candidates: Candidate[] = [];
  for (const start of prefixEnds) {
    const gap = ctx.text.slice(start, start + maxGap + ctx.suffix.length).indexOf(ctx.suffix);
    if (gap <= 0) continue;
    candidates.push(scoreCandidate(ctx, start, start + gap, editDistance(ctx.exact, ctx.text.slice(start, start + gap))));
  }
  return candidates;
}

/** Ends of the occurrences of the whole prefix in `[from, to)`, nearest to the expected place first. */
function prefixEndsIn(ctx: SearchContext, from: number, to: number): number[] {
  if (ctx.prefix.length < MIN_CONTEXT_FOR_BRACKET) return [];
  const lo = Math.max(0, from);
  return occurrences(ctx.text.slice(lo, to), ctx.prefix, MAX_OCCURRENCES)
    .map((at) => lo + at + ctx.prefix.length)
    .sort((a, b) => Math.abs(a - ctx.expected) - Math.abs(b - ctx.expected) || a - b)
    .slice(0, MAX_CONTEXT_ANCHORS);
}

/**
 * Where the context says the quote should begin: after occurrences of the end of the prefix, before
 * those of the start of the suffix (nearest to the expected place first). Also returns where whole
 * occurrences of the prefix end, for {@link bracketCandidates}.
 */
function contextAnchors(ctx: SearchContext): { windows: [number, number][]; prefixEnds: number[] } {
  const span = Math.ceil(ctx.exact.length * (1 + MAX_ERROR_RATE)) + 8;
  const windows: [number, number][] = [];
  const prefixEnds: number[] = [];
  if (ctx.prefix.length >= MIN_CONTEXT_FOR_SEARCH) {
    const tail = ctx.prefix.slice(-16);
    for (const at of nearestOccurrences(ctx, tail, MAX_CONTEXT_ANCHORS)) {
      const end = at + tail.length;
      windows.push([end, end + span]);
      if (ctx.prefix.length >= MIN_CONTEXT_FOR_BRACKET && end >= ctx.prefix.length && ctx.text.startsWith(ctx.prefix, end - ctx.prefix.length)) prefixEnds.push(end);
    }
  }
  if (ctx.suffix.length >= MIN_CONTEXT_FOR_SEARCH) {
    const head = ctx.suffix.slice(0, 16);
    for (const at of nearestOccurrences(ctx, head, MAX_CONTEXT_ANCHORS)) windows.push([at - span, at]);
  }
  return { windows, prefixEnds };
}

/**
 * Close approximate matches (at most {@link GLOBAL_ERROR_RATE} errors) anywhere in the text. With k
 * errors, one of k+1 disjoint pieces of the quote survives unchanged (pigeonhole), so only the
 * neighbourhoods of the pieces' occurrences are searched: the same hits as a scan of the whole text,
 * at a fraction of the cost. A piece too common to filter by falls back to the full scan.
 */
function approximateEverywhere(ctx: SearchContext): Candidate[] {
  const m = ctx.exact.length;
  const k = Math.floor(m * GLOBAL_ERROR_RATE);
  const size = Math.floor(m / (k + 1));
  const starts: number[] = [];
  for (let piece = 0; piece <= k; piece += 1) {
    const hits = occurrences(ctx.text, ctx.exact.slice(piece * size, (piece + 1) * size), MAX_PIECE_HITS + 1);
    if (hits.length > MAX_PIECE_HITS) return approximateIn(ctx, 0, ctx.text.length, k);
    for (const hit of hits) starts.push(hit - piece * size);
  }
  starts.sort((a, b) => a - b);
  const candidates: Candidate[] = [];
  for (let i = 0; i < starts.length; ) {
    const from = starts[i] - k;
    let to = starts[i] + m + k;
    for (i += 1; i < starts.length && starts[i] - k <= to; i += 1) to = starts[i] + m + k;
    candidates.push(...approximateIn(ctx, from, to, k));
  }
  return candidates;
}

/**
 * The best acceptable approximate hit among candidates. One whose prefix and suffix both still match
 * wins over any whose context does not, whatever their scores: otherwise a lookalike elsewhere that
 * still holds the old words (a near-identical paragraph) outscores the annotated place whose words
 * were edited (Hypothesis client issue #7571).
 */
function bestFuzzyOf(ctx: SearchContext, candidates: Candidate[], farAway: boolean): Candidate | undefined {
  let best: Candidate | undefined;
  let bestConfident: Candidate | undefined;
  for (const c of candidates) {
    if (!isAcceptableFuzzy(c, ctx, farAway)) continue;
    best = better(best, c);
    if (hasConfidentContext(c)) bestConfident = better(bestConfident, c);
  }
  return bestConfident ?? best;
}

/** Of an exact hit and an approximate one, the one the context confirms; else the better score. */
function contextDecides(exact: Candidate | undefined, fuzzy: Candidate | undefined): Candidate | undefined {
  if (exact && fuzzy && hasConfidentContext(fuzzy) !== hasConfidentContext(exact)) return hasConfidentContext(fuzzy) ? fuzzy : exact;
  return better(exact, fuzzy);
}

/**
 * Finds the best place for a quote in an LF text, or undefined when there is none worth trusting.
 *
 * Near the expected place first: exact hits, then the text there read approximately. A hit whose
 * prefix and suffix both still match is what a reader would pick, and nothing further away could
 * have better evidence (a copy elsewhere can at best tie on context and loses on distance). Only
 * then the whole text: exact hits, approximate hits after occurrences of the prefix and before those
 * of the suffix, and as a last resort close matches anywhere.
 */
function locate(ctx: SearchContext, approximate: boolean): Candidate | undefined {
  const reach = Math.max(LOCAL_REACH, 4 * ctx.exact.length);
  const from = Math.max(0, ctx.expected - reach);
  let best: Candidate | undefined;
  for (const at of occurrences(ctx.text.slice(from, ctx.expected + ctx.exact.length + reach), ctx.exact, MAX_EXACT_CANDIDATES)) {
    best = better(best, scoreCandidate(ctx, from + at, from + at + ctx.exact.length, 0));
  }
  if (best && hasConfidentContext(best)) return best;
  let nearbyFuzzy: Candidate | undefined;
  if (approximate) {
    // Approximate search reports only a window's fewest-error hits, and cuts hits at the window's
    // edge; the anchored and bracketed candidates make up for both.
    nearbyFuzzy = bestFuzzyOf(ctx, [
      ...anchoredCandidates(ctx),
      ...approximateIn(ctx, ctx.expected - reach, ctx.expected + ctx.exact.length + reach),
      ...bracketCandidates(ctx, prefixEndsIn(ctx, ctx.expected - reach - ctx.prefix.length, ctx.expected + reach)),
    ], false);
    if (nearbyFuzzy && hasConfidentContext(nearbyFuzzy)) return nearbyFuzzy;
  }
  for (const at of nearestOccurrences(ctx, ctx.exact, MAX_EXACT_CANDIDATES)) {
    best = better(best, scoreCandidate(ctx, at, at + ctx.exact.length, 0));
  }
  if (best && hasConfidentContext(best)) return best;
  // Without the approximate search (while typing), a copy whose context does not match is not taken:
  // the annotated words may just have been rewritten, and the next full resolution decides.
  if (!approximate) return undefined;
  // The exact hits (if any) lack the right context: the original place may have been edited.
  const { windows, prefixEnds } = contextAnchors(ctx);
  let fuzzy = better(nearbyFuzzy, bestFuzzyOf(ctx, [...windows.flatMap(([lo, hi]) => approximateIn(ctx, lo, hi)), ...bracketCandidates(ctx, prefixEnds)], true));
  if (!best && !fuzzy && ctx.exact.length >= MIN_QUOTE_WITHOUT_CONTEXT) {
    // Last resort: without context to go by, only close matches of long quotes are trusted anyway.
    fuzzy = bestFuzzyOf(ctx, approximateEverywhere(ctx), true);
  }
  return contextDecides(best, fuzzy);
}

/** Whether the raw text at a stored range still reads as the quote. */
function matchesAt(prepared: PreparedText, exact: string, start: number, end: number): boolean {
  if (start < 0 || end > prepared.raw.length || end <= start) return false;
  return normalizeLineEndings(prepared.raw.slice(start, end)) === exact;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * Resolves one annotation in a prepared text. `shift` is how far the neighbouring annotations moved
 * (in the LF view), used to guess where this one went.
 */
function resolveIn(prepared: PreparedText, target: AnchorTarget, shift: number, approximate = true): AnchorResolution {
  const exact = normalizeLineEndings(target.quote.exact);
  if (exact.length === 0) return { state: 'orphaned' };
  const { start, end } = target.position;
  if (matchesAt(prepared, exact, start, end)) return { state: 'exact', start, end };
  const text = prepared.text;
  const ctx: SearchContext = {
    text,
    exact,
    prefix: normalizeLineEndings(target.quote.prefix),
    suffix: normalizeLineEndings(target.quote.suffix),
    expected: clamp(prepared.toText(clamp(start, 0, prepared.raw.length)) + shift, 0, text.length),
  };
  let found: Candidate | undefined;
  if (shift !== 0 && text.startsWith(exact, ctx.expected)) {
    const shifted = scoreCandidate(ctx, ctx.expected, ctx.expected + exact.length, 0);
    if (hasConfidentContext(shifted)) found = shifted;
  }
  found ??= locate(ctx, approximate);
  if (!found) return { state: 'orphaned' };
  const rawStart = prepared.toRaw(found.start);
  const rawEnd = prepared.toRaw(found.end);
  if (found.errors > 0) return { state: 'fuzzy', start: rawStart, end: rawEnd };
  return { state: rawStart === start && rawEnd === end ? 'exact' : 'moved', start: rawStart, end: rawEnd };
}

/**
 * Finds an annotation's quote in the current article text.
 * @param text The article text (CRLF or LF).
 * @param quote The stored quote selector.
 * @param position The stored position, tried first and used as a hint.
 * @param options `approximate: false` skips the approximate search (for cheap checks while typing).
 * @returns `exact` (still at its position), `moved` (unchanged, elsewhere), `fuzzy` (the words changed:
 *   the verdict needs a second look) with the range in `text`; or `orphaned` without one.
 */
export function resolveAnchor(text: string, quote: TextQuote, position: TextPosition, options: { approximate?: boolean } = {}): AnchorResolution {
  return resolveIn(prepareText(text), { quote, position }, 0, options.approximate ?? true);
}

/**
 * Resolves many annotations of one article at once: the text is prepared once, and annotations are
 * visited in position order so that each one's expected place is corrected by how far the end of its
 * predecessor moved. Most annotations are then confirmed with one comparison; searches run only for
 * those whose words or context changed.
 * @param options `approximate: false` skips the approximate search (while typing: a copy whose
 *   context does not match is not taken).
 * @returns One resolution per annotation, in the order given.
 */
export function resolveAll(text: string, annotations: readonly AnchorTarget[], options: { approximate?: boolean } = {}): AnchorResolution[] {
  const prepared = prepareText(text);
  const order = annotations.map((_, i) => i).sort((a, b) => annotations[a].position.start - annotations[b].position.start || a - b);
  const results: AnchorResolution[] = new Array<AnchorResolution>(annotations.length);
  let shift = 0;
  for (const i of order) {
    const target = annotations[i];
    const result = resolveIn(prepared, target, shift, options.approximate ?? true);
    results[i] = result;
    // What follows an annotation moved as far as its end did (edits inside it shift the rest).
    if (result.state !== 'orphaned') {
      shift = prepared.toText(result.end) - prepared.toText(clamp(target.position.end, 0, prepared.raw.length));
    }
  }
  return results;
}
