/**
 * Evidence items of an annotation as the user adds them: a plain link stays a string (a version-1
 * file stays version 1); details or an archived copy make an object. Adding an item for an address
 * the annotation already cites replaces that one item; every other item, string or object, is kept
 * exactly as it was.
 */
import { evidenceUrl, type Evidence, type EvidenceArchive, type EvidenceObject } from '../store/annotation';

export interface EvidenceInput {
  /** A web address, or a reference such as the name of a local file. */
  url: string;
  title?: string;
  quote?: string;
  /** When the source was looked at (ISO date-time). */
  accessed?: string;
  archive?: EvidenceArchive;
}

/** The item to store: the address alone when nothing else was given, else an evidence object. */
export function evidenceItem(input: EvidenceInput): Evidence {
  const title = input.title?.trim();
  const quote = input.quote?.trim();
  if (!title && !quote && !input.archive) return input.url;
  const item: EvidenceObject = { url: input.url };
  if (title) item.title = title;
  if (quote) item.quote = quote;
  if (input.accessed) item.accessed = input.accessed;
  if (input.archive) item.archive = input.archive;
  return item;
}

/**
 * The list with an item added at the end, or, when the annotation already cites the address, that
 * item updated: the new details over the old ones, so that adding a link again never loses its
 * title, quote or archived copy.
 */
export function withEvidenceItem(list: readonly Evidence[] | undefined, item: Evidence): Evidence[] {
  const url = evidenceUrl(item);
  const items = [...(list ?? [])];
  const index = items.findIndex((existing) => evidenceUrl(existing) === url);
  if (index < 0) return [...items, item];
  const existing = items[index];
  if (typeof item === 'string') return items;
  items[index] = typeof existing === 'string' ? item : { ...existing, ...item };
  return items;
}
