/**
 * Paths that arrive as a command's arguments (`aiNews.addEvidence {file}`, `aiNews.export {out}`)
 * rather than from a dialog the user answered. A command link in a teammate's text can pass any
 * path, so the editor acts on one without asking only when it lies in the workspace folder, outside
 * its hidden files and folders.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { resolveInsideWorkspace } from './guardedRead';

/** Whether a workspace-relative path names a hidden file or passes through a hidden folder. */
function isHidden(relativePath: string): boolean {
  return relativePath.split(sep).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}

/**
 * Whether an absolute path really lies inside the workspace folder (every symbolic link resolved),
 * outside hidden files and folders: `.git/`, the team's `.ainews/` (an export must not overwrite the
 * annotation file), `.vscode/`, a private `.env` that git ignores. A relative path, the folder
 * itself or anything that cannot be resolved is not.
 */
export async function isInsideWorkspaceFolder(root: string, absolutePath: string): Promise<boolean> {
  if (!isAbsolute(absolutePath)) return false;
  const given = relative(root, absolutePath);
  if (isHidden(given)) return false;
  const placed = await resolveInsideWorkspace(root, given.split(sep).join('/'));
  return placed.kind === 'inside' && !isHidden(placed.realRelativePath);
}
