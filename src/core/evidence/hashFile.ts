/**
 * The sha256 of a workspace file named by the annotation file, read through the same guards as
 * every other such path: an archive path arrives through git, so it must not lead outside the
 * workspace folder, into `.git/`, or to something that is not a regular file (a FIFO would block
 * `check` forever).
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { resolveInsideWorkspace } from '../workspace/guardedRead';

/** `sha256`: 64 lowercase hex digits; `missing`: no such file; `refused`: why it is not read. */
export type FileHash = { kind: 'hashed'; sha256: string } | { kind: 'missing' } | { kind: 'refused'; reason: string };

/** The sha256 (hex) of a buffer. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Streams a regular file at an absolute path into a hash, without following a last symbolic link. */
async function hashRegularFile(absolute: string): Promise<FileHash> {
  let handle;
  try {
    handle = await fs.open(absolute, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'refused', reason: code === 'ELOOP' ? 'is a symbolic link' : error instanceof Error ? error.message : String(error) };
  }
  try {
    if (!(await handle.stat()).isFile()) return { kind: 'refused', reason: 'is not a regular file' };
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return { kind: 'hashed', sha256: hash.digest('hex') };
  } catch (error) {
    return { kind: 'refused', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle.close();
  }
}

/**
 * Hashes a file of the workspace.
 * @param root The workspace folder.
 * @param path Workspace-relative, `/` separators (as stored in an archive record).
 */
export async function hashWorkspaceFile(root: string, path: string): Promise<FileHash> {
  const where = await resolveInsideWorkspace(root, path);
  if (where.kind === 'refused') return { kind: 'refused', reason: where.reason };
  if (!where.exists) return { kind: 'missing' };
  return hashRegularFile(where.realPath);
}
