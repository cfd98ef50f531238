/** Highlights on/off, rescan, opting documents in and out, the annotation file, git set-up. */
import * as vscode from 'vscode';
import { configureMergeDriverForFolder } from '../../core/git/mergeDriver';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../../core/notificationText';
import { readSettings, setHighlight, type HighlightKind } from '../settings';
import { chooseFolder, explain, run, type CommandContext } from './context';

async function toggleHighlight(kind: HighlightKind): Promise<boolean> {
  // The configuration itself, not the cache: a second toggle may come before the change event.
  const on = !readSettings(vscode.window.activeTextEditor?.document.uri ?? null).highlight[kind];
  await setHighlight(kind, on);
  return on;
}

async function openAnnotationFile(ctx: CommandContext): Promise<vscode.Uri | undefined> {
  const folder = await chooseFolder(vscode.l10n.t('Open a folder first: annotations are stored in .ainews/annotations.json of a workspace folder.'));
  if (!folder) return undefined;
  const store = ctx.annotations.storeFor(folder);
  const uri = ctx.annotations.fileUri(folder);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    if (!store) return undefined;
    const result = await store.save({ createEmpty: true });
    if (!result.saved) return explain(inertNotificationText(result.reason, NOTIFICATION_MESSAGE_LENGTH));
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

async function analyzeThisDocument(ctx: CommandContext): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return explain(vscode.l10n.t('Open the document to analyse first.'), false);
  await ctx.articles.setOptedIn(document, true);
  return true;
}

async function stopAnalyzing(ctx: CommandContext): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return false;
  await ctx.articles.setOptedIn(document, false);
  return true;
}

async function rescan(ctx: CommandContext): Promise<void> {
  await ctx.annotations.reloadAll();
  ctx.sessions.resetAll();
}

async function setupGitMergeDriver(ctx: CommandContext): Promise<boolean> {
  const folder = await chooseFolder(vscode.l10n.t('Open a folder first: annotations are stored in .ainews/annotations.json of a workspace folder.'));
  if (!folder) return false;
  if (!vscode.workspace.isTrusted) return explain(vscode.l10n.t('Trust this workspace first: setting up git changes the repository configuration.'), false);
  // The extension's own bundled CLI, run by the same Node as git hooks get: no global install needed.
  const cli = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'cli.js').fsPath;
  const annotationFile = ctx.settings.for(folder.uri).annotationFile;
  const result = await run(() => configureMergeDriverForFolder(folder.uri.fsPath, annotationFile, {
    driverCommand: `node ${JSON.stringify(cli)} merge-driver %O %A %B`,
  }), (reason) => vscode.l10n.t('Could not set up the merge driver: {0}', reason));
  if (result) void vscode.window.showInformationMessage(vscode.l10n.t('Git now merges {0} by annotation id. {1}', inertNotificationText(annotationFile), inertNotificationText(result.summary, NOTIFICATION_MESSAGE_LENGTH)));
  return result !== undefined;
}

export function registerWorkspaceCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.toggleClaimHighlights', () => toggleHighlight('claims')),
    vscode.commands.registerCommand('aiNews.toggleNumberHighlights', () => toggleHighlight('numbers')),
    vscode.commands.registerCommand('aiNews.toggleEntityHighlights', () => toggleHighlight('entities')),
    vscode.commands.registerCommand('aiNews.openAnnotationFile', () => openAnnotationFile(ctx)),
    vscode.commands.registerCommand('aiNews.analyzeThisDocument', () => analyzeThisDocument(ctx)),
    vscode.commands.registerCommand('aiNews.stopAnalyzingThisDocument', () => stopAnalyzing(ctx)),
    vscode.commands.registerCommand('aiNews.rescan', () => rescan(ctx)),
    vscode.commands.registerCommand('aiNews.setupGitMergeDriver', () => setupGitMergeDriver(ctx)),
  ];
}
