/**
 * The W3C Web Annotation export: one `AnnotationCollection` (JSON-LD) whose single embedded page
 * holds one `assessing` annotation per verdict. Bodies carry the status (purpose `assessing`), the
 * note (`commenting`), evidence (`linking`) and review flags (`tagging`); targets carry a
 * `TextQuoteSelector`, a `TextPositionSelector` in code points, and a `TimeState`.
 */
import { isClassicStatus, type Comment, type Evidence } from '../store/annotation';
import { parseDatePeriod } from '../review/dates';
import { describeStatus, type TeamConfig } from '../team/team';
import { codePointConverter } from './codePoints';
import { safeHttpUrl } from './escape';
import { annotationIri, articleIri, collectionIri, pageIri } from './iri';
import { prepareExport } from './prepare';
import type { ExportedAnnotation, ExportedArticle, ExportInput, ExportOptions } from './types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A JSON-LD object as exported; the shapes follow https://www.w3.org/TR/annotation-model/. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Builds the W3C Web Annotation collection.
 * @param input The workspace's articles and annotations; `baseIri` makes http(s) IRIs, else `urn:ainews:` ones.
 * @param options Which articles and statuses; the time of the export.
 * @returns The `AnnotationCollection` object, ready for `JSON.stringify`.
 */
export function exportW3c(input: ExportInput, options: ExportOptions = {}): JsonLd {
  const { articles, now, team } = prepareExport(input, options);
  const items: JsonLd[] = [];
  for (const article of articles) {
    const toCodePoints = codePointConverter(article.text ?? '');
    const state = timeState(article);
    for (const exported of article.annotations) {
      const annotation = w3cAnnotation(exported, article, input.baseIri, toCodePoints, state);
      items.push(withVersion2Bodies(annotation, exported, team));
      for (const comment of exported.annotation.comments ?? []) {
        if (comment.deleted !== true) items.push(reply(comment, annotation.id as string));
      }
    }
  }
  const collection: JsonLd = {
    '@context': ANNOTATION_CONTEXT,
    id: collectionIri(input.baseIri),
    type: 'AnnotationCollection',
    label: 'AI News Annotator verdicts',
    generated: now.toISOString(),
    generator: { type: 'Software', name: 'AI News Annotator' },
    total: items.length,
  };
  if (input.reviewer) collection.creator = { type: 'Organization', name: input.reviewer };
  // The model requires `first` when the collection is not empty.
  if (items.length > 0) collection.first = { id: pageIri(input.baseIri), type: 'AnnotationPage', startIndex: 0, items };
  return collection;
}

function w3cAnnotation(
  exported: ExportedAnnotation,
  article: ExportedArticle,
  baseIri: string | undefined,
  toCodePoints: (offset: number) => number,
  state: JsonLd | null,
): JsonLd {
  const { annotation, anchor, flags } = exported;
  const body: JsonLd[] = [{ type: 'TextualBody', purpose: 'assessing', value: annotation.status, format: 'text/plain' }];
  if (annotation.note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  for (const item of annotation.evidence ?? []) body.push(evidenceBody(item, baseIri));
  for (const flag of flags) body.push({ type: 'TextualBody', purpose: 'tagging', value: flag, format: 'text/plain' });

  const quote: JsonLd = { type: 'TextQuoteSelector', exact: annotation.quote.exact };
  if (annotation.quote.prefix) quote.prefix = annotation.quote.prefix;
  if (annotation.quote.suffix) quote.suffix = annotation.quote.suffix;
  const selector: JsonLd[] = [quote];
  // A position only where the quote stands verbatim in the current text (not fuzzy, not orphaned).
  if (anchor && (anchor.state === 'exact' || anchor.state === 'moved') && anchor.start !== undefined && anchor.end !== undefined) {
    selector.push({ type: 'TextPositionSelector', start: toCodePoints(anchor.start), end: toCodePoints(anchor.end) });
  }
  const target: JsonLd = { source: articleIri(article.path, baseIri), selector };
  const when = state ?? createdState(annotation.created);
  if (when) target.state = when;

  const result: JsonLd = {
    '@context': ANNOTATION_CONTEXT,
    id: annotationIri(annotation.id, baseIri),
    type: 'Annotation',
    motivation: 'assessing',
    body,
    target,
  };
  const created = isoTimestamp(annotation.created);
  const modified = isoTimestamp(annotation.modified);
  if (created) result.created = created;
  if (modified) result.modified = modified;
  if (annotation.author) result.creator = { type: 'Person', name: annotation.author };
  return result;
}

/**
 * An http(s) evidence address as a linked resource; other evidence as text. An archived copy
 * becomes the resource's `TimeState`: `cached` is the saved file, `sourceDate` when it was fetched,
 * and `sha256` (a term outside the anno context) the hash of the saved bytes.
 */
function evidenceBody(item: Evidence, baseIri: string | undefined): JsonLd {
  const address = typeof item === 'string' ? item : item.url;
  const url = safeHttpUrl(address);
  // External web resources may not carry a purpose: a SpecificResource wraps the address.
  if (!url) return { type: 'TextualBody', purpose: 'linking', value: address, format: 'text/plain' };
  const body: JsonLd = { type: 'SpecificResource', purpose: 'linking', source: url };
  if (typeof item === 'string') return body;
  if (item.title) body.label = item.title;
  const fetched = item.archive && isoTimestamp(item.archive.fetched);
  if (item.archive && fetched) {
    body.state = { type: 'TimeState', cached: articleIri(item.archive.file, baseIri), sourceDate: fetched, sha256: item.archive.sha256 };
  }
  return body;
}

/**
 * Adds what version 2 knows: a team status's label and rating (a `classifying` body after the
 * status) and each tag (a `tagging` body at the end, as the model describes tags).
 */
function withVersion2Bodies(annotation: JsonLd, exported: ExportedAnnotation, team: TeamConfig): JsonLd {
  const [assessing, ...rest] = annotation.body as JsonLd[];
  const { status, tags } = exported.annotation;
  const classifying: JsonLd[] = [];
  if (!isClassicStatus(status)) {
    const info = describeStatus(team, status);
    const rating = info.rating === undefined ? '' : ` (rating ${info.rating} of ${team.ratingScale.worst}-${team.ratingScale.best})`;
    classifying.push({ type: 'TextualBody', purpose: 'classifying', value: `${info.label}${rating}`, format: 'text/plain' });
  }
  const tagging = (tags ?? []).map((tag): JsonLd => ({ type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' }));
  annotation.body = [assessing, ...classifying, ...rest, ...tagging];
  return annotation;
}

/** A comment as its own annotation replying to the verdict (`motivation: replying`, the verdict as target). */
function reply(comment: Comment, parentIri: string): JsonLd {
  const result: JsonLd = {
    '@context': ANNOTATION_CONTEXT,
    id: `${parentIri}${parentIri.startsWith('urn:') ? ':' : '/'}comment-${encodeURIComponent(comment.id)}`,
    type: 'Annotation',
    motivation: 'replying',
    body: { type: 'TextualBody', purpose: 'replying', value: comment.body, format: 'text/plain' },
    target: parentIri,
  };
  const created = isoTimestamp(comment.at);
  const modified = comment.edited === undefined ? null : isoTimestamp(comment.edited);
  if (created) result.created = created;
  if (modified) result.modified = modified;
  if (comment.author) result.creator = { type: 'Person', name: comment.author };
  return result;
}

/**
 * The article's date as a TimeState. A month ("2025-01") becomes the span of that month, since the
 * model's dates are full timestamps and the day is not known.
 */
function timeState(article: ExportedArticle): JsonLd | null {
  const period = article.date ? parseDatePeriod(article.date) : null;
  if (!period) return null;
  return period.start.getTime() === period.end.getTime()
    ? { type: 'TimeState', sourceDate: period.start.toISOString() }
    : { type: 'TimeState', sourceDateStart: period.start.toISOString(), sourceDateEnd: period.end.toISOString() };
}

/** Without an article date: the version of the article the annotator saw, at the annotation's creation. */
function createdState(created: string): JsonLd | null {
  const timestamp = isoTimestamp(created);
  return timestamp ? { type: 'TimeState', sourceDate: timestamp } : null;
}

/** A stored timestamp in the model's xsd:dateTime form (UTC, with zone), or null when it is not one. */
function isoTimestamp(value: string): string | null {
  const period = value ? parseDatePeriod(value) : null;
  return period ? period.start.toISOString() : null;
}
