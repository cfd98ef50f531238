/**
 * A workspace's articles: which files count as articles, and reading them safely.
 * Paths are workspace-relative with / separators, as in the annotation file.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { globToRegExp, staticPrefix } from './glob';
import { readWorkspaceFile } from './guardedRead';

export { formatBytes, readRegularFile, readWorkspaceFile, resolveInsideWorkspace, unsafePathReason, type GuardedPath, type GuardedRead } from './guardedRead';

export const DEFAULT_ARTICLE_GLOBS: readonly string[] = ['articles/**', 'seeds/**'];
export const ARTICLE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];
/** Articles larger than this are refused: they are not news articles, and would slow everything. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export interface ListOptions {
  /** Globs over workspace-relative paths; default `articles/**` and `seeds/**`. */
  globs?: readonly string[];
  /** File name endings that count as articles; default .md, .markdown, .txt. */
  extensions?: readonly string[];
}

/**
 * Lists the articles of a workspace: files matching one of the globs with an article extension.
 * Hidden folders, `node_modules` and symbolic links are skipped.
 * @param root The workspace folder.
 * @returns Workspace-relative paths with / separators, sorted.
 */
export async function listArticles(root: string, options: ListOptions = {}): Promise<string[]> {
  const globs = options.globs ?? DEFAULT_ARTICLE_GLOBS;
  const extensions = (options.extensions ?? ARTICLE_EXTENSIONS).map((e) => e.toLowerCase());
  const patterns = globs.map(globToRegExp);
  const found = new Set<string>();
  for (const start of new Set(globs.map(staticPrefix))) {
    for (const path of await walk(root, start)) {
      const lower = path.toLowerCase();
      if (extensions.some((e) => lower.endsWith(e)) && patterns.some((p) => p.test(path))) found.add(path);
    }
  }
  return [...found].sort();
}

/** Every regular file below `root/start`, as relative paths; a missing start folder yields none. */
async function walk(root: string, start: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [start];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(join(root, folder), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) continue;
      throw error;
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files;
}

export type ArticleRead =
  | { kind: 'ok'; text: string }
  /** `reason` says what is wrong ("no such file"); `message` is `<path>: <reason>`. */
  | { kind: 'error'; path: string; reason: string; message: string };

/**
 * Reads one article as UTF-8 text (a leading byte-order mark is dropped, as editors do), through the
 * guarded reader: refuses, with a message naming the file, paths outside the workspace or into
 * `.git/`, missing files, anything but a regular file, files over the size limit and binary or
 * non-UTF-8 content.
 * @param root The workspace folder.
 * @param path Workspace-relative path with / separators (as stored in annotations).
 */
export async function readArticle(
  root: string,
  path: string,
  options: { maxBytes?: number } = {},
): Promise<ArticleRead> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const fail = (reason: string): ArticleRead => ({ kind: 'error', path, reason, message: `${path}: ${reason}` });
  const read = await readWorkspaceFile(root, path, maxBytes);
  if (read.kind === 'missing') return fail('no such file');
  if (read.kind === 'refused') return fail(read.reason);
  return decodeArticle(read.bytes, fail);
}

function decodeArticle(bytes: Buffer, fail: (reason: string) => ArticleRead): ArticleRead {
  if (bytes.includes(0)) return fail('looks binary (contains NUL bytes); articles must be UTF-8 text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not valid UTF-8 text; save it as UTF-8');
  }
  return { kind: 'ok', text: text.replace(/^\uFEFF/, '') };
}

/** One article of a folder: its text, or why it could not be read. */
export type FolderArticle = { path: string; text: string } | { path: string; reason: string };

/**
 * Reads a folder's articles in path order: the files the globs list and the extra paths (annotated
 * files matched by no glob). `openText` gives an open editor's text, which wins over the disk.
 */
export async function readFolderArticles(
  root: string,
  options: { globs: readonly string[]; maxBytes: number; extraPaths: readonly string[]; openText: (path: string) => string | undefined },
): Promise<FolderArticle[]> {
  const listed = await listArticles(root, { globs: options.globs });
  const paths = [...new Set([...listed, ...options.extraPaths])].sort();
  const read = async (path: string): Promise<FolderArticle> => {
    const open = options.openText(path);
    if (open !== undefined) return { path, text: open };
    const article = await readArticle(root, path, { maxBytes: options.maxBytes });
    return article.kind === 'ok' ? { path, text: article.text } : { path, reason: article.reason };
  };
  const articles: FolderArticle[] = [];
  for (const path of paths) articles.push(await read(path));
  return articles;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
