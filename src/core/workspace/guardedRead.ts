/**
 * The one guarded reader for files named by the workspace's content (articles, the annotation file,
 * the entity list): paths come from a file that arrives through git, so a path must never reach
 * outside the workspace folder, into `.git/`, or into something that is not a regular file.
 *
 * - The real path (every symbolic link resolved) must lie inside the real workspace folder, and not
 *   under a `.git` folder.
 * - Only regular files are read: a FIFO would block forever, `/dev/zero` never ends, a directory
 *   is no text. The file is opened without blocking and without following a last symbolic link
 *   swapped in after the check, and checked again on the open handle.
 * - The size limit is checked before reading, and again while reading (a file may grow).
 * - Every refusal names the file and says why.
 */
import { constants, promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export type GuardedRead =
  /** `identity`: inode, size and modification time (ns) of the version read; `realPath`: links resolved. */
  | { kind: 'ok'; bytes: Buffer; identity: string; realPath: string }
  /** No such file (yet): `realPath` is where it would be, inside the folder. */
  | { kind: 'missing'; realPath: string }
  /** `reason` says what is wrong; `message` is `<path>: <reason>`. */
  | { kind: 'refused'; path: string; reason: string; message: string };

/** `realRelativePath`: the real path relative to the folder's real path (every link resolved). */
export type GuardedPath = { kind: 'inside'; realPath: string; realRelativePath: string; exists: boolean } | Extract<GuardedRead, { kind: 'refused' }>;

/**
 * Why a workspace-relative path (as stored in the annotation file) must not be opened, or null when
 * it is a plain path inside the workspace.
 */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'empty path';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f]/.test(path)) return path.includes('\0') ? 'contains a NUL character' : 'contains a control character';
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.startsWith('/')) return 'absolute paths are not allowed';
  if (path.includes('\\')) return 'use / as the path separator';
  if (path.split('/').some((segment) => segment === '..')) return "'..' is not allowed: articles live inside the workspace";
  if (isGitPath(path.split('/'))) return "files under '.git/' are git's own, never articles or annotations";
  return null;
}

/** Whether path segments lead into a git folder (case-insensitively, as on macOS and Windows). */
function isGitPath(segments: readonly string[]): boolean {
  return segments.some((segment) => segment.toLowerCase() === '.git');
}

function refusal(path: string, reason: string): Extract<GuardedRead, { kind: 'refused' }> {
  return { kind: 'refused', path, reason, message: `${path}: ${reason}` };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The real path of a file that may not exist: its deepest existing folder resolved, the rest appended. */
async function realPathOf(absolute: string): Promise<{ realPath: string; exists: boolean }> {
  try {
    return { realPath: await fs.realpath(absolute), exists: true };
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
  }
  // A dangling symbolic link exists but resolves nowhere: refuse it rather than write through it.
  const link = await fs.lstat(absolute).catch(() => undefined);
  if (link?.isSymbolicLink()) throw Object.assign(new Error('is a symbolic link to a missing file'), { code: 'EDANGLING' });
  const parts = absolute.split(sep);
  for (let keep = parts.length - 1; keep > 0; keep -= 1) {
    const parent = parts.slice(0, keep).join(sep) || sep;
    const real = await fs.realpath(parent).catch(() => undefined);
    if (real !== undefined) return { realPath: join(real, ...parts.slice(keep)), exists: false };
  }
  return { realPath: absolute, exists: false };
}

function describeKind(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/**
 * Where a workspace-relative path really leads, refusing anything outside the folder or in `.git/`.
 * @param root The workspace folder.
 * @param path Workspace-relative, `/` separators.
 */
export async function resolveInsideWorkspace(root: string, path: string): Promise<GuardedPath> {
  const unsafe = unsafePathReason(path);
  if (unsafe) return refusal(path, unsafe);
  try {
    const realRoot = await fs.realpath(root);
    const { realPath, exists } = await realPathOf(join(root, ...path.split('/')));
    const rel = relative(realRoot, realPath);
    if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return refusal(path, `resolves to ${realPath}, outside the workspace folder; it is not read or written`);
    if (isGitPath(rel.split(sep))) return refusal(path, `resolves to ${realPath}, inside git's own folder; it is not read or written`);
    return { kind: 'inside', realPath, realRelativePath: rel, exists };
  } catch (error) {
    return refusal(path, error instanceof Error ? error.message : String(error));
  }
}

const CHUNK = 64 * 1024;

/** Fills `buffer` from the handle's current position; fewer bytes only at the end of the file. */
async function readInto(handle: fs.FileHandle, buffer: Buffer): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/**
 * Reads a regular file at an absolute path, refusing anything else and anything over `maxBytes`
 * before reading it. For files a person named (the command line's `scan FILE`).
 * @param shownPath How the file is named in messages.
 */
export async function readRegularFile(absolute: string, maxBytes: number, shownPath: string = absolute): Promise<GuardedRead> {
  let handle;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = await fs.open(absolute, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', realPath: absolute };
    if (code === 'ELOOP') return refusal(shownPath, 'is a symbolic link (it changed while being opened)');
    if (code === 'EISDIR') return refusal(shownPath, 'is a folder, not a file');
    return refusal(shownPath, error instanceof Error ? error.message : String(error));
  }
  try {
    const before = await handle.stat({ bigint: true });
    if (!before.isFile()) return refusal(shownPath, describeKind(before));
    if (before.size > BigInt(maxBytes)) return refusal(shownPath, `is ${formatBytes(Number(before.size))}, over the ${formatBytes(maxBytes)} limit`);
    // The size as stated, plus one byte to notice a file that grew; then more only if it did.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = Number(before.size) + 1; ; want = CHUNK) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      const bytesRead = await readInto(handle, chunk);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return refusal(shownPath, `grew over the ${formatBytes(maxBytes)} limit while being read`);
      if (bytesRead < chunk.length) break;
    }
    const after = await handle.stat({ bigint: true });
    // One read (the file did not grow): its buffer as it is; a concat would copy every byte again (23 MB for 10,000 annotations with comments).
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    return { kind: 'ok', bytes, identity: `${after.ino}:${after.size}:${after.mtimeNs}`, realPath: absolute };
  } catch (error) {
    return refusal(shownPath, error instanceof Error ? error.message : String(error));
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file of the workspace through every guard (see the module comment).
 * @param root The workspace folder.
 * @param path Workspace-relative, `/` separators (as stored in annotations).
 * @param maxBytes Files larger than this are refused before reading.
 */
export async function readWorkspaceFile(root: string, path: string, maxBytes: number): Promise<GuardedRead> {
  const where = await resolveInsideWorkspace(root, path);
  if (where.kind === 'refused') return where;
  if (!where.exists) return { kind: 'missing', realPath: where.realPath };
  const read = await readRegularFile(where.realPath, maxBytes, path);
  return read.kind === 'missing' ? { kind: 'missing', realPath: where.realPath } : read;
}

/** A size for messages: KiB below a MiB, else MiB with one decimal. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Refuses what is not UTF-8 instead of putting U+FFFD in its place; a byte-order mark is kept, as by Buffer#toString. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly, once: the text, or the 1-based line and column of the first byte that is
 * not UTF-8 (columns count UTF-16 code units of the valid text before it, as elsewhere in messages).
 */
export function decodeUtf8(bytes: Buffer): { text: string; invalidAt?: undefined } | { text?: undefined; invalidAt: { line: number; column: number } } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidByte(bytes) ?? { line: 1, column: 1 } };
  }
}

function firstInvalidByte(bytes: Buffer): { line: number; column: number } | undefined {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const sequence = bytes.subarray(i, i + length);
    const valid = length > 0 && sequence.length === length && isWellFormed(sequence);
    if (!valid) return { line, column: bytes.subarray(lineStart, i).toString('utf8').length + 1 };
    if (b === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += length;
  }
  return undefined;
}

function isWellFormed(sequence: Buffer): boolean {
  try {
    strictUtf8.decode(sequence);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a workspace file without reading it, for callers that hand it to another reader (the
 * editor's openTextDocument): inside the folder, not in `.git/`, a regular file within `maxBytes`.
 * @returns The refusal, or undefined when it may be opened (a missing file may: opening it fails on its own).
 */
export async function workspaceFileRefusal(root: string, path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Extract<GuardedRead, { kind: 'refused' }> | undefined> {
  const where = await resolveInsideWorkspace(root, path);
  if (where.kind === 'refused') return where;
  if (!where.exists) return undefined;
  const stat = await fs.stat(where.realPath).catch(() => undefined);
  if (stat === undefined) return undefined;
  if (!stat.isFile()) return refusal(path, describeKind(stat));
  if (stat.size > maxBytes) return refusal(path, `is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit`);
  return undefined;
}
