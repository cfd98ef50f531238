/** What the extension does once when a workspace opens. */
import * as vscode from 'vscode';

/**
 * Shows the AI News sidebar when the workspace asks for it with `aiNews.openSidebarOnStartup`
 * (the workspace `npm start` prepares does), so that a first run lands in the product.
 */
export async function revealSidebarIfConfigured(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || !vscode.workspace.getConfiguration('aiNews', folder.uri).get<boolean>('openSidebarOnStartup', false)) return;
  await vscode.commands.executeCommand('workbench.view.extension.aiNews');
}
