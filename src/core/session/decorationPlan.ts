/**
 * What the editor paints of an article's snapshot: which findings and annotations go into which
 * decoration kind, team status and tag colours, and which part of a large article is painted at all
 * (the visible lines and a margin). Pure: the painter (src/editor/decorations.ts) maps the spans to
 * ranges and decoration types.
 */
import type { Finding } from '../analysis/types';
import type { TextEdit } from '../store/anchor';
import { spansIn, type Span } from '../span';
import { isClassicStatus, type Status } from '../store/annotation';
import { tagColor } from '../tags/tags';
import { describeStatus, type TeamConfig } from '../team/team';
import type { ArticleSnapshot, PlacedAnnotation, SnapshotEdits } from './articleSession';

export type DecorationKind =
  | 'claim' | 'number' | 'entity'
  | 'verified' | 'disputed' | 'outdated' | 'otherStatus' | 'fuzzy' | 'orphaned' | 'needsRecheck' | 'possiblyOutdated';

export const DECORATION_KINDS: readonly DecorationKind[] = [
  'claim', 'number', 'entity', 'verified', 'disputed', 'outdated', 'otherStatus', 'fuzzy', 'orphaned', 'needsRecheck', 'possiblyOutdated',
];

/** Lines around the visible range that also get finding decorations in large documents. */
export const VISIBLE_MARGIN_LINES = 200;
/** Above this many findings only the visible part of the document is decorated. */
export const FULL_PAINT_LIMIT = 5000;

/**
 * Spans by decoration kind; annotations with a team status's own colour by that colour (`colored`),
 * and annotations with a coloured tag by the tag's colour (`tagged`).
 */
export type Painted = Record<DecorationKind, Span[]> & { colored: Record<string, Span[]>; tagged: Record<string, Span[]> };

/** Which kinds of findings are highlighted, and from which score a claim is. */
export interface HighlightSettings {
  highlight: { claims: boolean; numbers: boolean; entities: boolean };
  claimScoreThreshold: number;
}

function emptyPainted(): Painted {
  return { ...(Object.fromEntries(DECORATION_KINDS.map((k) => [k, []])) as unknown as Record<DecorationKind, Span[]>), colored: {}, tagged: {} };
}

/** `#rgb` as `#rrggbb` (colours come validated by the team file's reader). */
export function fullHex(hex: string): string {
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

/** A gutter dot of a team status's colour, as an SVG data address. */
export function colorDotUri(hex: string): string {
  const dot = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="${hex}"/></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(dot)}`;
}

/** Where an annotation's status is painted: its own kind (version 1), a team colour, or the neutral style. */
function statusPaint(status: Status, team: TeamConfig): { kind: DecorationKind } | { color: string } {
  if (isClassicStatus(status)) return { kind: status };
  const color = describeStatus(team, status).color;
  return color ? { color: color.toLowerCase() } : { kind: 'otherStatus' };
}

/** Sorts findings and annotations into decoration kinds. */
export function planDecorations(
  findings: readonly Finding[],
  placed: readonly PlacedAnnotation[],
  settings: HighlightSettings,
  possiblyOutdated: readonly Span[],
  orphanLine: (offset: number) => Span,
  team: TeamConfig,
): Painted {
  const painted = emptyPainted();
  for (const f of findings) {
    if (f.kind === 'claim' && settings.highlight.claims && f.score >= settings.claimScoreThreshold) painted.claim.push(f);
    else if (f.kind === 'number' && settings.highlight.numbers) painted.number.push(f);
    else if (f.kind === 'entity' && settings.highlight.entities) painted.entity.push(f);
  }
  for (const p of placed) {
    if (!p.span) {
      painted.orphaned.push(orphanLine(p.annotation.position.start));
      continue;
    }
    const paint = statusPaint(p.annotation.status, team);
    if ('kind' in paint) painted[paint.kind].push(p.span);
    else (painted.colored[paint.color] ??= []).push(p.span);
    const tagged = tagColor(team, p.annotation.tags);
    if (tagged) (painted.tagged[tagged.toLowerCase()] ??= []).push(p.span);
    if (p.state === 'fuzzy') painted.fuzzy.push(p.span);
    if (p.flags.length > 0) painted.needsRecheck.push(p.span);
  }
  painted.possiblyOutdated.push(...possiblyOutdated);
  return painted;
}

/** True when only the visible part of the snapshot's article is painted (and scrolling brings other findings). */
export function paintsWindow(snapshot: ArticleSnapshot | undefined): boolean {
  return snapshot?.analysis !== undefined && snapshot.analysis.findings.length > FULL_PAINT_LIMIT;
}

/** True when scrolling brings other findings into view: a large or not yet fully analysed article. */
export function repaintsOnScroll(snapshot: ArticleSnapshot | undefined): boolean {
  return snapshot?.analysis !== undefined && (!snapshot.complete || paintsWindow(snapshot));
}

/** First and last line, both inclusive. */
export interface LineWindow {
  first: number;
  last: number;
}

/**
 * The lines painted around the visible ones (first and last line on screen). The `previous` window
 * is kept while the visible lines stay half a margin inside it (or it reaches the document's edge),
 * so that scrolling a little paints the same decorations again, which the painter then does not send.
 */
export function windowLines(firstVisible: number, lastVisible: number, lineCount: number, previous?: LineWindow): LineWindow {
  const lastLine = lineCount - 1;
  const slack = VISIBLE_MARGIN_LINES / 2;
  if (previous && previous.last <= lastLine && (previous.first === 0 || firstVisible - previous.first >= slack) && (previous.last === lastLine || previous.last - lastVisible >= slack)) return previous;
  return { first: Math.max(0, firstVisible - VISIBLE_MARGIN_LINES), last: Math.min(lastLine, lastVisible + VISIBLE_MARGIN_LINES) };
}

/** True when two lists hold the same spans in the same order (what a decoration type already shows). */
export function sameSpans(a: readonly Span[] | undefined, b: readonly Span[]): boolean {
  return a !== undefined && a.length === b.length && a.every((span, i) => span.start === b[i].start && span.end === b[i].end);
}

/**
 * Where a span is after the edits (in the order they were made), as VS Code moves a decoration with
 * the text: shifted when an edit lies wholly before it; undefined when an edit touches it, even at an
 * edge (VS Code may have grown or collapsed it).
 */
export function followEdits(span: Span, edits: readonly TextEdit[]): Span | undefined {
  let { start, end } = span;
  for (const edit of edits) {
    const editEnd = edit.offset + edit.deletedLength;
    if (end < edit.offset) continue;
    if (start <= editEnd) return undefined;
    const delta = edit.insertedText.length - edit.deletedLength;
    start += delta;
    end += delta;
  }
  return { start, end };
}

/**
 * What one editor shows per decoration type (`T`) in one document version, and the window it painted.
 * A paint sends a type's spans only when they differ from what it shows in this version. After an
 * edit, the spans it showed are where VS Code has moved them (see {@link follow}); a type with a span
 * the edit touched is sent again. Once typing pauses, {@link settle} has the types sent while typing
 * sent once more, and only those.
 */
export class ShownSpans<T> {
  /** The painted window's lines, kept for the next paint (see windowLines). */
  window: LineWindow | undefined;
  private version: number | undefined;
  private shown = new Map<T, Span[]>();
  /**
   * Types sent while typing: VS Code places decorations in the text it has when they arrive, which
   * may already hold a keystroke the plan did not know of. A type VS Code only moved is where it should be.
   */
  private readonly unsettled = new Set<T>();
  /**
   * Types sent in the version shown since the last {@link settle}: a paint sent at rest (the debounced
   * analysis finishing) may still reach VS Code after the next keystroke, so following an edit counts
   * them as sent while typing.
   */
  private sentInVersion = new Set<T>();
  /** False from a followed edit until {@link settle}: what is sent meanwhile may land in a newer text. */
  private atRest = true;

  /**
   * Brings what is shown to `version` when `since` holds the edits from the version shown: every
   * type's spans moved as VS Code moved them, and forgotten for a type with a span an edit touched.
   * Otherwise the next {@link update} starts afresh (every type is sent).
   * @returns true when it moved what is shown through edits (false when there was nothing to follow).
   */
  follow(version: number, since: SnapshotEdits | undefined): boolean {
    if (this.version === version || this.version === undefined || since?.from !== this.version) return false;
    for (const type of this.sentInVersion) this.unsettled.add(type);
    this.sentInVersion = new Set();
    for (const [type, spans] of this.shown) {
      const moved: Span[] = [];
      for (const span of spans) {
        const now = followEdits(span, since.edits);
        if (!now) break;
        moved.push(now);
      }
      if (moved.length === spans.length) this.shown.set(type, moved);
      else this.shown.delete(type);
    }
    this.version = version;
    this.atRest = false;
    return true;
  }

  /**
   * Typing has paused: forgets what the types sent while typing show, so that the next
   * {@link update} sends them again; every other type stays as VS Code moved it.
   */
  settle(): void {
    for (const type of this.unsettled) this.shown.delete(type);
    this.unsettled.clear();
    // What was sent before this pause has arrived by now.
    this.sentInVersion = new Set();
    this.atRest = true;
  }

  /** True when `spans` must be sent for `type` in `version`; remembers them as shown. */
  update(version: number, type: T, spans: readonly Span[]): boolean {
    if (version !== this.version) {
      this.version = version;
      this.shown = new Map();
      this.sentInVersion = new Set();
    }
    if (sameSpans(this.shown.get(type), spans)) return false;
    this.shown.set(type, spans.map(({ start, end }) => ({ start, end })));
    this.sentInVersion.add(type);
    if (!this.atRest) this.unsettled.add(type);
    return true;
  }
}

/**
 * What to paint of a snapshot: the findings in the painted window (`window` is asked only for an
 * article with many findings; all of them otherwise), every annotation, the suggestions.
 */
export function planSnapshot(snapshot: ArticleSnapshot, window: () => Span, settings: HighlightSettings, orphanLine: (offset: number) => Span, team: TeamConfig): Painted {
  const findings = snapshot.analysis?.findings ?? [];
  const shown = paintsWindow(snapshot) ? spansIn(findings, window()) : findings;
  return planDecorations(shown, snapshot.placements, settings, snapshot.possiblyOutdated, orphanLine, team);
}
