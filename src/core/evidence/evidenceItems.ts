/**
 * Evidence items of an annotation as the user adds them: a plain link stays a string (a version-1
 * file stays version 1); details or an archived copy make an object. Adding an item for an address
 * the annotation already cites updates that one item, unless it brings a different archived copy
 * (then both copies stay); every other item, string or object, is kept exactly as it was.
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
 * The list with an item added at the end, or an item it already has updated: the new details over
 * the old ones, so that adding a link again never loses its title, quote or archived copy.
 * - A link, or details without a copy: updates the latest item of that address.
 * - An archived copy: updates the item with the same copy (same hash: title and quote only, the
 *   first archive record stays), else gives a link of that address without a copy its copy, else is
 *   a new item. A page archived again after it changed, or a second local file of the same name,
 *   never replaces the earlier copy.
 */
export function withEvidenceItem(list: readonly Evidence[] | undefined, item: Evidence): Evidence[] {
  const items = [...(list ?? [])];
  const index = indexToUpdate(items, item);
  if (index < 0) return [...items, item];
  const existing = items[index];
  if (typeof item === 'string') return items;
  if (typeof existing === 'string') items[index] = item;
  else if (existing.archive && item.archive) items[index] = { ...existing, ...(item.title ? { title: item.title } : {}), ...(item.quote ? { quote: item.quote } : {}) };
  else items[index] = { ...existing, ...item };
  return items;
}

/** The item that `item` updates, or -1 when it is a new one. */
function indexToUpdate(items: readonly Evidence[], item: Evidence): number {
  const url = evidenceUrl(item);
  const archive = typeof item === 'string' ? undefined : item.archive;
  const sameAddress = (existing: Evidence): boolean => evidenceUrl(existing) === url;
  if (!archive) return lastIndexOf(items, sameAddress);
  const sameCopy = items.findIndex((existing) => sameAddress(existing) && typeof existing !== 'string' && existing.archive?.sha256 === archive.sha256);
  if (sameCopy >= 0) return sameCopy;
  return items.findIndex((existing) => sameAddress(existing) && (typeof existing === 'string' || existing.archive === undefined));
}

function lastIndexOf<T>(items: readonly T[], matches: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (matches(items[i])) return i;
  return -1;
}
