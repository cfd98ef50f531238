/**
 * Commands that look beyond one article: "Export…", "Find Claim in Other Articles" and resolving
 * an annotation file that git left with conflict markers.
 */
import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/export';
import { defaultExportFileName, exportableStatuses, exportFormatItems, exportScopeItems, renderExportRequest } from '../../core/export/exportRequest';
import { findClaimAmong, type ClaimMatch } from '../../core/crossref';
import { claimMatchItem } from '../../core/crossref/claimMatchItems';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from '../../core/notificationText';
import { claimAt } from '../../core/navigation/claimNavigation';
import { escapeIcons } from '../../core/sidebar/text';
import { conflictQuestion } from '../../core/store/conflictWords';
import type { Status } from '../../core/store/annotation';
import { articlePathOf } from '../annotationService';
import { toRange } from '../ranges';
import { indexPath, type WorkspaceArticles } from '../workspaceArticles';
import { chooseFolder, confirmScriptedPath, explain, pickShown, type CommandContext } from './context';

/** Arguments of `aiNews.export` (tests and keybindings skip the questions with them). */
export interface ExportArgs {
  format?: ExportFormat;
  /** Where to write; without it a save dialog asks. Outside the workspace folder, the user is asked first (see confirmScriptedPath). */
  out?: string;
  /** 'article': only the active article; 'all' (default when no article is active): the workspace. */
  scope?: 'article' | 'all';
  statuses?: Status[];
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  return (await vscode.window.showQuickPick(exportFormatItems(vscode.l10n), { title: vscode.l10n.t('Export annotations as') }))?.format;
}

async function pickScope(articleName: string | undefined): Promise<'article' | 'all' | undefined> {
  if (!articleName) return 'all';
  return (await vscode.window.showQuickPick(exportScopeItems(vscode.l10n, articleName), { title: vscode.l10n.t('Export which articles?') }))?.scope;
}

/** Runs "AI News: Export…"; resolves to the file written, or undefined when cancelled or impossible. */
async function exportAnnotations(ctx: CommandContext, loader: WorkspaceArticles, args: ExportArgs = {}): Promise<string | undefined> {
  // No folder open: say so; the folder pick closed with Escape: nothing to say.
  const folder = await chooseFolder(vscode.l10n.t('Open a folder first: exports read the annotations of a workspace folder.'), vscode.l10n.t('Export the annotations of which folder?'));
  if (!folder) return undefined;
  const store = ctx.annotations.storeFor(folder);
  if (!store) return explain(vscode.l10n.t('The annotation file of {0} could not be opened.', inertNotificationText(folder.name)));
  const format = args.format ?? (await pickFormat());
  if (!format) return undefined;
  const activeDocument = vscode.window.activeTextEditor?.document;
  const activeArticle = activeDocument && ctx.articles.isArticle(activeDocument) && vscode.workspace.getWorkspaceFolder(activeDocument.uri) === folder
    ? articlePathOf(folder, activeDocument.uri)
    : undefined;
  const scope = args.scope ?? (await pickScope(activeArticle));
  if (!scope) return undefined;
  if (scope === 'article' && !activeArticle) return explain(vscode.l10n.t('Open an article of {0} to export only that article.', inertNotificationText(folder.name)));
  // The built-in statuses and every other status an annotation has (a team's own), all ticked.
  const statuses = args.statuses ?? (await pickShown(exportableStatuses(store.annotations).map((s) => ({ value: s, label: escapeIcons(s) })), undefined, vscode.l10n.t('Include which verdicts?')));
  if (!statuses || statuses.length === 0) return undefined;

  const { articles } = await loader.load([folder], () => store.annotations.map((a) => a.article));
  const article = scope === 'article' ? activeArticle : undefined;
  const output = renderExportRequest(format, { articles, annotations: store.annotations, settings: ctx.settings.for(folder.uri), team: ctx.teams.teamFor(folder.uri), statuses, article });

  const target = args.out
    ? vscode.Uri.file(args.out)
    : await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder.uri, defaultExportFileName(format)),
        title: vscode.l10n.t('Save the export'),
      });
  if (!target) return undefined;
  if (args.out && !(await confirmScriptedPath(folder, target.fsPath, 'export'))) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(output));
  if (!args.out) {
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', inertNotificationText(vscode.workspace.asRelativePath(target))), open).then(async (choice) => {
      if (choice === open) await vscode.window.showTextDocument(target);
    });
  }
  return target.fsPath;
}

/**
 * Runs "AI News: Find Claim in Other Articles" for the claim under the cursor; shows the matches in a
 * quick pick that opens the chosen one. Resolves to the matches (for tests).
 */
async function findInOtherArticles(ctx: CommandContext, loader: WorkspaceArticles, args: { pick?: boolean } = {}): Promise<ClaimMatch[] | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !ctx.articles.isArticle(editor.document)) return explain(vscode.l10n.t('Open an article and put the cursor on a claim first.'));
  const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
  if (!folder) return explain(vscode.l10n.t('Open the workspace folder that holds this article: other articles are searched there.'));
  const claim = claimAt(ctx.sessions.completeAnalysis(editor.document)?.findings ?? [], editor.document.offsetAt(editor.selection.active));
  if (!claim) return explain(vscode.l10n.t('The cursor is not on a claim. Claims are underlined; "Next Unreviewed Claim" moves to one.'));
  const { articles } = await loader.load(vscode.workspace.workspaceFolders ?? [folder]);
  const indexed = articles.map((a) => ({ path: indexPath(a), text: a.text, analysis: a.analysis }));
  const own = articles.find((a) => a.uri.toString() === editor.document.uri.toString());
  // Not loaded (unsaved, or outside the article globs): the article joins the index as the editor has it.
  const ownArticle = own ? indexPath(own) : { path: articlePathOf(folder, editor.document.uri), text: editor.document.getText(), analysis: ctx.sessions.completeAnalysis(editor.document)! };
  const matches = findClaimAmong(indexed, ownArticle, claim);
  if (args.pick === false) return matches;
  if (matches.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No other article makes a claim like this one.'));
    return matches;
  }
  const byPath = new Map(articles.map((a) => [indexPath(a), a]));
  const items = matches.map((m) => claimMatchItem(vscode.l10n, m));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Claims like this in other articles'), matchOnDescription: true, matchOnDetail: true });
  const target = picked && byPath.get(picked.match.article);
  if (target) {
    const document = await vscode.workspace.openTextDocument(target.uri);
    const range = toRange(document, { start: picked.match.start, end: picked.match.end });
    await vscode.window.showTextDocument(document, { selection: range, preview: true });
  }
  return matches;
}

/**
 * Runs "AI News: Resolve Annotation File Conflicts": git left conflict markers in the file; the
 * store has merged both sides by id. The user sees the result and it is written only when accepted.
 */
async function resolveConflicts(ctx: CommandContext, args: { accept?: boolean } = {}): Promise<boolean> {
  const conflicted = ctx.annotations.entries().filter((e) => e.store.conflictProposal);
  if (conflicted.length === 0) return explain(vscode.l10n.t('No annotation file has git conflict markers.'), false);
  let resolvedAll = true;
  for (const { folder, store } of conflicted) {
    const proposal = store.conflictProposal!;
    let accept = args.accept;
    if (accept === undefined) {
      const preview = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(proposal.merged, null, 2) + '\n' });
      await vscode.window.showTextDocument(preview, { preview: true });
      const acceptLabel = vscode.l10n.t('Write the merge');
      const choice = await vscode.window.showWarningMessage(conflictQuestion(vscode.l10n, folder.name, proposal), { modal: true }, acceptLabel);
      accept = choice === acceptLabel;
    }
    if (!accept) {
      resolvedAll = false;
      continue;
    }
    const result = await store.acceptConflictResolution();
    if (!result.saved) {
      resolvedAll = false;
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: the merge was not written: {1}', inertNotificationText(folder.name), inertNotificationText(result.reason, NOTIFICATION_MESSAGE_LENGTH)));
    }
  }
  return resolvedAll;
}

export function registerReportCommands(ctx: CommandContext, loader: WorkspaceArticles): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aiNews.export', (args?: ExportArgs) => exportAnnotations(ctx, loader, args)),
    vscode.commands.registerCommand('aiNews.findClaimInOtherArticles', (args?: { pick?: boolean }) => findInOtherArticles(ctx, loader, args)),
    vscode.commands.registerCommand('aiNews.resolveAnnotationConflicts', (args?: { accept?: boolean }) => resolveConflicts(ctx, args)),
  ];
}
