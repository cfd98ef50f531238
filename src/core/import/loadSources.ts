/**
 * The editor's and the command line's import sources, up to the bytes: a web address is fetched, a
 * saved .html/.htm file read, the clipboard taken; and the result written as a new markdown file that
 * never replaces an existing one. Nothing here extracts (that is importSources.ts, in the worker), so
 * the editor's import bundle carries no HTML libraries.
 */
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { articleFileName, numberedName } from './articleFileName';
import { MAX_PAGE_BYTES, fetchPage, type FetchOptions } from './fetchPage';
import { looksLikeHtml, type ImportCommandSource } from './importCommandSources';
import type { ImportedArticle, PageSource } from './importPage';
import { ImportRefusal } from './importRefusal';

/**
 * What the extraction needs, once the page is fetched or read: plain data, so that it can be
 * handed to the import worker (importInWorker.ts).
 */
export type ImportInput = { kind: 'page'; bytes: Uint8Array; source: PageSource } | { kind: 'text'; text: string; label: string; fetched: Date };

/** True when a source names a web address rather than a file. */
export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Reads a saved page from disk (never touching the network), refusing what cannot be a page. */
async function readSavedPage(path: string): Promise<Uint8Array> {
  if (!/\.x?html?$/i.test(path)) throw new ImportRefusal('a saved page must be an .html or .htm file');
  let size: number;
  try {
    const info = await fs.stat(path);
    if (!info.isFile()) throw new ImportRefusal('is a folder, not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportRefusal(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error));
  }
  if (size > MAX_PAGE_BYTES) throw new ImportRefusal(`the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PAGE_BYTES / 1024 / 1024} MB limit for an article`);
  return fs.readFile(path);
}

/**
 * Fetches or reads one source (an address or a saved page's path).
 * @param now the time recorded as `fetched`
 */
export async function loadSource(source: string, options: FetchOptions & { now?: () => Date } = {}): Promise<ImportInput> {
  const now = options.now ?? (() => new Date());
  if (isWebAddress(source)) {
    const page = await fetchPage(source, options);
    return { kind: 'page', bytes: page.bytes, source: { url: page.url, contentType: page.contentType, fetched: now() } };
  }
  const bytes = await readSavedPage(source);
  return { kind: 'page', bytes, source: { fileName: basename(source), fetched: now() } };
}

/**
 * Fetches, reads or takes one source of the editor's import commands.
 * @param signal Cancels a fetch.
 */
export async function loadCommandSource(source: ImportCommandSource, signal?: AbortSignal): Promise<ImportInput> {
  switch (source.kind) {
    case 'url':
      return loadSource(source.url, { signal });
    case 'file':
      return loadSource(source.path);
    case 'text':
      return looksLikeHtml(source.text)
        ? { kind: 'page', bytes: new TextEncoder().encode(source.text), source: { fileName: 'clipboard.html', fetched: new Date() } }
        : { kind: 'text', text: source.text, label: 'clipboard', fetched: new Date() };
  }
}

/** The file name an imported article gets: its publication date, else the day it was fetched. */
export function importedFileName(article: ImportedArticle): string {
  const date = article.provenance.published ?? article.provenance.fetched.slice(0, 10);
  return articleFileName(date, article.provenance.title);
}

/**
 * Writes a new file without replacing one: `name.md`, else `name-2.md`, … (exclusive creation, so
 * that two imports at once cannot take the same name).
 * @returns the path written
 */
export async function writeNewFile(folder: string, name: string, content: string): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(folder, numberedName(name, n));
    try {
      await fs.writeFile(path, content, { encoding: 'utf8', flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Writes an imported article: into `target` when it is a `.md` path (refused if it exists),
 * otherwise as a new file in the folder `target`.
 * @returns the path written
 */
export async function writeImportedArticle(article: ImportedArticle, target: string): Promise<string> {
  if (/\.md$/i.test(target)) {
    try {
      await fs.writeFile(target, article.markdown, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportRefusal(`${target} exists already; it is never overwritten`);
      throw error;
    }
    return target;
  }
  return writeNewFile(target, importedFileName(article), article.markdown);
}
