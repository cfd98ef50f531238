/**
 * The decisions of "AI News: Add Evidence…" and "AI News: Open Evidence…" that need no editor: what
 * a typed or given source is, how an item is listed, which items an address names, and whether an
 * archived copy may be opened. The editor asks, shows and translates.
 */
import { basename } from 'node:path';
import { evidenceUrl, type Evidence, type EvidenceArchive } from '../store/annotation';
import { readWorkspaceFile, workspaceFileRefusal } from '../workspace/guardedRead';
import { archiveFileProblem, archiveOpening, type ArchiveOpening } from './archive';
import { hashWorkspaceFile } from './hashFile';

/** Where evidence comes from: a web address, or a local file (always archived). */
export type EvidenceSource = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/** Why a typed value is not an http(s) address, or undefined when it is one. */
export type WebAddressProblem = 'not-http' | 'not-an-address';

export function webAddressProblem(value: string): WebAddressProblem | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'not-http';
  } catch {
    return 'not-an-address';
  }
}

/** The source that command arguments name (a file wins over a link), or undefined when they name none. */
export function evidenceSourceOf(args: { link?: string; file?: string } | undefined): EvidenceSource | undefined {
  if (args?.file !== undefined) return { kind: 'file', path: args.file };
  return args?.link !== undefined ? { kind: 'url', url: args.link } : undefined;
}

/** How the evidence names its source: the address, or a local file's name (a path on one machine means nothing to the team). */
export function sourceReference(source: EvidenceSource): string {
  return source.kind === 'url' ? source.url : basename(source.path);
}

/** How an item is listed: its title or address, the address under a title, and the day its copy was archived. */
export function evidenceListing(item: Evidence): { label: string; detail?: string; archivedOn?: string } {
  if (typeof item === 'string') return { label: item };
  return {
    label: item.title || item.url,
    ...(item.title ? { detail: item.url } : {}),
    ...(item.archive ? { archivedOn: item.archive.fetched.slice(0, 10) } : {}),
  };
}

/** The items that an address names, or all when none is given (several items may share an address: copies of different times). */
export function evidenceNamed(items: readonly Evidence[], url: string | undefined): Evidence[] {
  return url === undefined ? [...items] : items.filter((e) => evidenceUrl(e) === url);
}

export type ArchivedCopyCheck =
  /** The record names no archived copy of its own hash (records come through git from other people). */
  | { kind: 'misnamed' }
  /** Outside the workspace, in `.git/`, not a regular file. */
  | { kind: 'refused'; message: string }
  | { kind: 'missing' }
  /** `changed`: the file's hash no longer matches the record (opened all the same, with a warning). */
  | { kind: 'ok'; changed: boolean; opening: ArchiveOpening };

/** Whether an archived copy may be opened, and how: named by its own hash, inside the workspace and there. */
export async function checkArchivedCopy(root: string, archive: EvidenceArchive): Promise<ArchivedCopyCheck> {
  if (archiveFileProblem(archive)) return { kind: 'misnamed' };
  const refusal = await workspaceFileRefusal(root, archive.file);
  if (refusal) return { kind: 'refused', message: refusal.message };
  const hash = await hashWorkspaceFile(root, archive.file);
  if (hash.kind !== 'hashed') return { kind: 'missing' };
  return { kind: 'ok', changed: hash.sha256 !== archive.sha256, opening: archiveOpening(archive) };
}

/** An archived copy's text, read through the workspace guards; a page in another charset shows replacement characters rather than nothing. */
export async function readArchivedCopyText(root: string, file: string, maxBytes: number): Promise<{ kind: 'text'; text: string } | { kind: 'refused'; message: string } | { kind: 'missing' }> {
  const read = await readWorkspaceFile(root, file, maxBytes);
  if (read.kind === 'ok') return { kind: 'text', text: new TextDecoder('utf-8').decode(read.bytes) };
  return read.kind === 'refused' ? { kind: 'refused', message: read.message } : { kind: 'missing' };
}
