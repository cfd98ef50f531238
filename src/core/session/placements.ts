/**
 * Where an open article's annotations sit in its current text, kept current through every edit and
 * every change of the annotation file.
 *
 * - An edit moves each placement exactly (mapPositionThroughEdit); only placements the edit touched
 *   are compared with their quote again (exact, or fuzzy when the words changed).
 * - A placement an edit swallowed whole (as when VS Code reloads a file changed on disk) is found
 *   again by its quote, context and last position.
 * - Orphans are looked for again on every edit that inserts text and on every change of the
 *   annotations. A quote that was nowhere in the text can only appear across inserted text, so a
 *   keystroke looks in a window around it, never in the whole article.
 * - A change of the annotations re-resolves only what changed (new annotations, a new quote, a
 *   position that differs from where the annotation is tracked) and the orphans: a verdict costs one
 *   resolution, not one per annotation of the article.
 */
import { wholeText, type ArticleText } from '../pieceText';
import { mapPositionThroughEdit, normalizeLineEndings, resolveAll, type AnchorResolution, type AnchorTarget, type TextEdit } from '../store/anchor';
import type { AnchorState, Annotation } from '../store/annotation';
import type { Span } from '../span';

/** One annotation and where it stands in the current text. */
export interface Placement {
  readonly annotation: Annotation;
  readonly state: AnchorState;
  /** Where it sits now; absent for orphans. */
  readonly span?: Span;
}

interface Tracked {
  annotation: Annotation;
  state: AnchorState;
  span: Span | undefined;
  /** The offset an orphan was last seen at: the hint when it is looked for again. */
  lastOffset: number;
}

function tracked(annotation: Annotation, resolution: AnchorResolution): Tracked {
  if (resolution.state === 'orphaned') return { annotation, state: 'orphaned', span: undefined, lastOffset: annotation.position.start };
  return { annotation, state: resolution.state, span: { start: resolution.start, end: resolution.end }, lastOffset: resolution.start };
}

/** Moves an offset through an edit; text inserted at it stays after it. */
function mapOffset(offset: number, edit: TextEdit): number {
  if (edit.offset >= offset) return offset;
  if (edit.offset + edit.deletedLength <= offset) return offset + edit.insertedText.length - edit.deletedLength;
  return edit.offset;
}

/**
 * Where to look first for a swallowed or orphaned annotation: its stored position when the quote is
 * there in the new text (a reload brought the text the annotation file was written for), else where
 * it was last tracked.
 */
function expectedPlace(t: Tracked, text: ArticleText): Span {
  const stored = t.annotation.position;
  if (normalizeLineEndings(text.slice(stored.start, stored.end)) === t.annotation.quote.exact) return stored;
  return { start: t.lastOffset, end: t.lastOffset + t.annotation.quote.exact.length };
}

function sameQuote(a: Annotation, b: Annotation): boolean {
  return a.quote === b.quote || (a.quote.exact === b.quote.exact && a.quote.prefix === b.quote.prefix && a.quote.suffix === b.quote.suffix);
}

export class AnnotationPlacements {
  private readonly byId = new Map<string, Tracked>();
  private annotations: readonly Annotation[] = [];
  private list: readonly Placement[] | undefined;
  private resolutionPasses = 0;

  /** How many times annotations were resolved against the text (one pass may resolve several). */
  get reanchorings(): number {
    return this.resolutionPasses;
  }

  /** The annotations given to the last {@link sync} that changed something: the same array until the store changes them. */
  get annotationList(): readonly Annotation[] {
    return this.annotations;
  }

  /** The placements in the order of the annotations given to {@link sync}; a new array after each change. */
  get placements(): readonly Placement[] {
    this.list ??= Object.freeze(this.annotations.map((a) => {
      const t = this.byId.get(a.id) as Tracked;
      return Object.freeze(t.span ? { annotation: t.annotation, state: t.state, span: t.span } : { annotation: t.annotation, state: t.state });
    }));
    return this.list;
  }

  /**
   * Takes the article's annotations as the store has them now and places what is new or changed in
   * `text`; orphans are looked for again.
   * @returns false when nothing changed (the same annotation objects, no orphan found).
   */
  sync(annotations: readonly Annotation[], text: ArticleText): boolean {
    const unchanged = annotations.length === this.annotations.length && annotations.every((a, i) => a === this.annotations[i]);
    if (unchanged && !this.hasOrphans()) return false;
    const toResolve: Annotation[] = [];
    const kept = new Map<string, Tracked>();
    for (const annotation of annotations) {
      const known = this.byId.get(annotation.id);
      if (known && known.state !== 'orphaned' && sameQuote(known.annotation, annotation) && this.stillPlaced(known, annotation)) {
        kept.set(annotation.id, { ...known, annotation });
      } else {
        toResolve.push(annotation);
      }
    }
    let found = false;
    if (toResolve.length > 0) {
      const resolved = this.resolve(wholeText(text), toResolve);
      toResolve.forEach((annotation, i) => {
        const before = this.byId.get(annotation.id);
        const next = tracked(annotation, resolved[i]);
        if (!before || before.state !== 'orphaned' || next.state !== 'orphaned' || before.annotation !== annotation) found = true;
        kept.set(annotation.id, next.state === 'orphaned' && before?.state === 'orphaned' ? { ...next, lastOffset: before.lastOffset } : next);
      });
    }
    if (unchanged && !found) return false;
    this.byId.clear();
    for (const [id, t] of kept) this.byId.set(id, t);
    this.annotations = annotations;
    this.list = undefined;
    return true;
  }

  /**
   * Moves every placement through the edits of one change of the text.
   * @param edits Each edit's offset refers to the text after the previous edits of the list (give
   *   VS Code's `contentChanges` sorted by descending offset).
   * @param text The text after all edits (read in windows); asked for only when a placement needs it (an edit touched
   *   or swallowed it, or an orphan may have come back), so that a keystroke elsewhere never copies it.
   * @returns false when no placement changed.
   */
  edit(edits: readonly TextEdit[], text: () => ArticleText): boolean {
    if (edits.length === 0 || this.byId.size === 0) return false;
    let copy: ArticleText | undefined;
    const newText = (): ArticleText => (copy ??= text());
    const lost: Tracked[] = [];
    let changed = false;
    for (const t of this.byId.values()) {
      if (!t.span) {
        for (const edit of edits) t.lastOffset = mapOffset(t.lastOffset, edit);
        continue;
      }
      let span: Span | null = t.span;
      let touched = false;
      for (const edit of edits) {
        if (!span) break;
        if (edit.offset < span.end && edit.offset + edit.deletedLength > span.start) touched = true;
        span = mapPositionThroughEdit(span, edit);
      }
      if (!span) {
        t.lastOffset = edits.reduce((offset, edit) => mapOffset(offset, edit), t.span.start);
        lost.push(t);
        continue;
      }
      if (span.start !== t.span.start || span.end !== t.span.end) changed = true;
      t.span = span;
      if (touched) {
        const same = normalizeLineEndings(newText().slice(span.start, span.end)) === t.annotation.quote.exact;
        const state: AnchorState = same ? (t.state === 'fuzzy' ? 'exact' : t.state) : 'fuzzy';
        if (state !== t.state) changed = true;
        t.state = state;
      }
    }
    const candidates = [...lost, ...this.orphansThatMayReappear(edits, newText)];
    if (candidates.length > 0) {
      // Typing searches exactly only: after the annotated words were deleted or rewritten, a lookalike
      // elsewhere without their context must not take the annotation (Hypothesis client #7571). Only
      // an edit that inserts at least a quote's length (VS Code reloading a file changed by git, a
      // paste) can bring changed words of that quote, and gets the full search for it.
      const inserted = Math.max(...edits.map((e) => e.insertedText.length));
      for (const approximate of [true, false]) {
        const group = candidates.filter((t) => (t.annotation.quote.exact.length <= inserted) === approximate);
        if (group.length === 0) continue;
        const targets = group.map((t) => ({ quote: t.annotation.quote, position: expectedPlace(t, newText()) }));
        const resolved = this.resolve(wholeText(newText()), targets, approximate);
        group.forEach((t, i) => {
          const next = tracked(t.annotation, resolved[i]);
          t.state = next.state;
          t.span = next.span;
          if (next.state !== 'orphaned') t.lastOffset = next.lastOffset;
        });
      }
      changed = true;
    }
    if (changed) this.list = undefined;
    return changed;
  }

  private hasOrphans(): boolean {
    for (const t of this.byId.values()) if (t.state === 'orphaned') return true;
    return false;
  }

  /** A tracked annotation whose stored position is its old one or where it is tracked now needs no resolving. */
  private stillPlaced(known: Tracked, annotation: Annotation): boolean {
    const { start, end } = annotation.position;
    if (known.annotation.position.start === start && known.annotation.position.end === end) return true;
    return known.span !== undefined && known.span.start === start && known.span.end === end;
  }

  /**
   * Orphans whose quote now occurs where text was inserted. For one edit only the inserted text and
   * a quote's length on either side are searched; several edits at once search the whole text.
   */
  private orphansThatMayReappear(edits: readonly TextEdit[], newText: () => ArticleText): Tracked[] {
    const orphans = [...this.byId.values()].filter((t) => t.state === 'orphaned' && t.annotation.quote.exact.length > 0);
    if (orphans.length === 0 || !edits.some((e) => e.insertedText.length > 0)) return [];
    const longest = Math.max(...orphans.map((t) => t.annotation.quote.exact.length));
    let searched: string;
    if (edits.length === 1) {
      const [edit] = edits;
      // A CRLF article may need one more character per line of the quote: twice the length is ample.
      const from = Math.max(0, edit.offset - 2 * longest);
      searched = newText().slice(from, edit.offset + edit.insertedText.length + 2 * longest);
    } else {
      searched = wholeText(newText());
    }
    const normalized = normalizeLineEndings(searched);
    return orphans.filter((t) => normalized.includes(t.annotation.quote.exact));
  }

  private resolve(text: string, annotations: readonly AnchorTarget[], approximate = true): AnchorResolution[] {
    this.resolutionPasses += 1;
    return resolveAll(text, annotations, { approximate });
  }
}
