/**
 * Paths that arrive as a command's arguments (`aiNews.addEvidence {file}`, `aiNews.export {out}`)
 * rather than from a dialog the user answered. A command link in a teammate's text can pass any
 * path, so the editor acts on one without asking only when it lies in the workspace folder, outside
 * its hidden files and folders.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { L10n } from '../labels/l10n';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../notificationText';
import { resolveInsideWorkspace } from './guardedRead';

/** What a scripted path is for: a file to copy into the evidence, or where to write an export. */
export type ScriptedPathUse = 'evidence' | 'export';

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

/** The question before acting on a scripted path outside the workspace folder (the path shown inert). */
export function scriptedPathQuestion(l10n: L10n, use: ScriptedPathUse, path: string): string {
  const shown = inertNotificationText(path, NOTIFICATION_MESSAGE_LENGTH);
  return use === 'evidence'
    ? l10n.t('Copy {0} into .ainews/evidence, which the team shares? The path came with the command, not from a file dialog, and is outside the workspace folder or hidden (such as .ainews or .env).', shown)
    : l10n.t('Write the export to {0}? The path came with the command, not from a save dialog, and is outside the workspace folder or hidden (such as .ainews or .env).', shown);
}

/** The button that says yes to {@link scriptedPathQuestion}. */
export function scriptedPathConfirm(l10n: L10n, use: ScriptedPathUse): string {
  return use === 'evidence' ? l10n.t('Add as evidence') : l10n.t('Write the export');
}
