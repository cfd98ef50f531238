/**
 * Reading and atomically writing files on disk (the only module of the store that touches node:fs).
 */
import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeUtf8, readWorkspaceFile } from '../workspace/guardedRead';

/** The file's text (UTF-8), or null when it does not exist. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Which version of a file is on disk: inode, size and modification time (nanoseconds). Any write
 * (in place, or by replacing the file as git and atomic writers do) changes it.
 */
function identityOf(stat: { ino: bigint; size: bigint; mtimeNs: bigint }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/** The identity of the file now on disk, or null when there is none. */
export async function fileIdentity(path: string): Promise<string | null> {
  try {
    return identityOf(await fs.stat(path, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The annotation file is refused above this size before reading (10,000 annotations take 7 MB). */
export const MAX_ANNOTATION_FILE_BYTES = 64 * 1024 * 1024;

/** The annotation file as read through the guarded reader. */
export type AnnotationFileRead =
  /** text null: no file. `realPath` is where the file is (or would be), symbolic links resolved. */
  | { kind: 'read'; text: string | null; identity: string | null; realPath: string }
  /** Not to be read or written at all (outside the folder, not a regular file, too large): why. */
  | { kind: 'refused'; reason: string }
  /** Read, but not UTF-8: where the first bad byte is. */
  | { kind: 'undecodable'; line: number; column: number };

/** {@link AnnotationFileRead} with the bytes, checked to be UTF-8 but not decoded (lazyRead.ts reads them). */
export type AnnotationFileBytes = Exclude<AnnotationFileRead, { kind: 'read' }> | { kind: 'read'; bytes: Buffer | null; identity: string | null; realPath: string };

/**
 * Reads a workspace's annotation file through the guarded reader (inside the folder, a regular file,
 * size limit), with the identity of exactly the version read (read again when it changed meanwhile).
 * Invalid UTF-8 is reported with its place, never replaced by U+FFFD.
 * @param folderPath The workspace folder.
 * @param relativePath The annotation file inside it, `/` separators.
 */
export async function readAnnotationFileText(folderPath: string, relativePath: string): Promise<AnnotationFileRead> {
  const read = await readAnnotationFileBytes(folderPath, relativePath);
  if (read.kind !== 'read') return read;
  return { kind: 'read', text: read.bytes === null ? null : read.bytes.toString('utf8'), identity: read.identity, realPath: read.realPath };
}

/** {@link readAnnotationFileText} without decoding: the bytes, once checked to be UTF-8. */
export async function readAnnotationFileBytes(folderPath: string, relativePath: string): Promise<AnnotationFileBytes> {
  for (let attempt = 0; ; attempt += 1) {
    const read = await readWorkspaceFile(folderPath, relativePath, MAX_ANNOTATION_FILE_BYTES);
    if (read.kind === 'refused') return { kind: 'refused', reason: read.message };
    if (read.kind === 'missing') return { kind: 'read', bytes: null, identity: null, realPath: read.realPath };
    if (read.identity !== (await fileIdentity(read.realPath)) && attempt < 3) continue;
    const invalidAt = invalidUtf8At(read.bytes);
    if (invalidAt) return { kind: 'undecodable', ...invalidAt };
    return { kind: 'read', bytes: read.bytes, identity: read.identity, realPath: read.realPath };
  }
}

/** Where bytes stop being UTF-8, or undefined when they are (checked without decoding them). */
export function invalidUtf8At(bytes: Buffer): { line: number; column: number } | undefined {
  return isUtf8(bytes) ? undefined : decodeUtf8(bytes).invalidAt;
}

/** Writes pieces of bytes one after the other from the handle's position, going on after a short write. */
async function writeAllPieces(handle: fs.FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  let rest = pieces.filter((piece) => piece.length > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    if (bytesWritten === 0) throw new Error('the disk took no more bytes');
    // Drops what was written: whole pieces, then the start of the next one.
    let written = 0;
    while (written < rest.length && bytesWritten >= rest[written].length) {
      bytesWritten -= rest[written].length;
      written += 1;
    }
    rest = rest.slice(written);
    if (bytesWritten > 0) rest[0] = rest[0].subarray(bytesWritten);
  }
}

/** Windows refuses to replace a file another process has open; such a refusal is retried briefly. */
const RENAME_RETRIES = 5;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writes a file so that readers only ever see the old or the new content: the text goes to a
 * temporary file in the same directory, is flushed, and replaces the target with a rename.
 * @param path The target file; its directory is created when missing.
 * @param text The content, written as UTF-8 (bytes as they are; pieces of bytes one after the other, not joined).
 * @param beforeReplace Runs after the temporary file is complete and just before the rename; if it
 *   returns false, the temporary file is removed and nothing is replaced.
 * @returns The identity (see {@link fileIdentity}) of the new file, or null when it was not replaced.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array | readonly Uint8Array[], beforeReplace?: () => Promise<boolean>): Promise<string | null> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const handle = await fs.open(temporary, 'wx', mode ?? 0o666);
  try {
    let identity: string;
    try {
      if (typeof text === 'string') await handle.writeFile(text, 'utf8');
      else if (text instanceof Uint8Array) await handle.writeFile(text);
      else await writeAllPieces(handle, text);
      await handle.sync();
      identity = identityOf(await handle.stat({ bigint: true }));
    } finally {
      await handle.close();
    }
    if (beforeReplace && !(await beforeReplace())) {
      await fs.rm(temporary, { force: true });
      return null;
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        // A rename keeps the inode, size and modification time: the identity stays valid.
        await fs.rename(temporary, path);
        return identity;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt >= RENAME_RETRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
        await delay(20 * (attempt + 1));
      }
    }
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
