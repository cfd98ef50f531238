/**
 * Paths that arrive as a command's arguments (`aiNews.addEvidence {file}`, `aiNews.export {out}`)
 * rather than from a dialog the user answered. A command link in a teammate's text can pass any
 * path, so the editor acts on one without asking only when it lies in the workspace folder.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { resolveInsideWorkspace } from './guardedRead';

/**
 * Whether an absolute path really lies inside the workspace folder (every symbolic link resolved)
 * and outside `.git/`; a relative path, the folder itself or anything that cannot be resolved is not.
 */
export async function isInsideWorkspaceFolder(root: string, absolutePath: string): Promise<boolean> {
  if (!isAbsolute(absolutePath)) return false;
  const placed = await resolveInsideWorkspace(root, relative(root, absolutePath).split(sep).join('/'));
  return placed.kind === 'inside';
}
