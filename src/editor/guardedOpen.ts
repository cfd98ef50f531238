/**
 * The editor's side of the guarded reader: files named by the annotation file (articles) are checked
 * before VS Code opens them, so that a committed link out of the workspace, a path into `.git/` or a
 * FIFO is never opened from the sidebar or a command.
 */
import * as vscode from 'vscode';
import { toArticlePath } from '../core/store/paths';
import { workspaceFileRefusal } from '../core/workspace/guardedRead';

/** Why the file must not be opened (a sentence naming it), or undefined when it may be. */
export async function refusalToOpen(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const path = folder && toArticlePath(folder.uri.fsPath, uri.fsPath);
  if (!path) return undefined;
  return (await workspaceFileRefusal(folder.uri.fsPath, path))?.message;
}

/** The document of a URI when the editor has it open. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The URI of an article path of a folder (relative, `/` separators, as in the annotation file). */
export function articleUri(folder: vscode.WorkspaceFolder, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

/** The open document of the URI, or the file loaded from disk; undefined when it cannot be read or is refused (see refusalToOpen). */
export async function openIfReadable(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const open = openDocument(uri);
  if (open) return open;
  try {
    if ((await refusalToOpen(uri)) !== undefined) return undefined;
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}
