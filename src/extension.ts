/**
 * AI News Annotator: activation is wiring only. Each part owns its listeners and is disposed
 * through context.subscriptions.
 */
import * as vscode from 'vscode';
import { AnalysisService } from './editor/analysisService';
import { AnnotationService } from './editor/annotationService';
import { ArticleRegistry } from './editor/articleRegistry';
import { VerdictCodeActionProvider } from './editor/codeActions';
import type { CommandContext } from './editor/commands/context';
import { registerImportCommands } from './editor/commands/importCommands';
import { registerNavigationCommands } from './editor/commands/navigationCommands';
import { registerReportCommands } from './editor/commands/reportCommands';
import { registerViewCommands } from './editor/commands/viewCommands';
import { registerVerdictCommands } from './editor/commands/verdictCommands';
import { registerWorkspaceCommands } from './editor/commands/workspaceCommands';
import { ContextKeys } from './editor/contextKeys';
import { DecorationPainter } from './editor/decorations';
import { ClaimDiagnostics } from './editor/diagnostics';
import { ArticleHoverProvider } from './editor/hover';
import { possiblyOutdatedSpans } from './editor/outdatedSuggestions';
import { openSeedArticle } from './editor/seedArticles';
import { createAnnotationTreeView } from './editor/sidebar/annotationTree';
import { createArticleTreeView } from './editor/sidebar/articleTree';
import { createCrossArticleTreeView, defaultArticleResolver } from './editor/sidebar/crossArticleTree';
import { revealSidebarIfConfigured } from './editor/startup';
import { StatusBar } from './editor/statusBar';
import { createApi, type AiNewsApi } from './editor/testApi';
import { indexPath, WorkspaceArticles } from './editor/workspaceArticles';
import { buildCrossIndex } from './core/crossref';

/** Documents the language features apply to; the providers themselves skip non-articles. */
const TEXT_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'plaintext' },
  { language: 'markdown' },
];

export async function activate(context: vscode.ExtensionContext): Promise<AiNewsApi> {
  const now = (): Date => new Date();
  const articles = new ArticleRegistry(context.workspaceState);
  const analysis = new AnalysisService(articles);
  const annotations = new AnnotationService(now);
  const outdated = possiblyOutdatedSpans(analysis, annotations, now);
  const painter = new DecorationPainter(context.extensionUri, analysis, annotations, outdated);
  context.subscriptions.push(articles, analysis, annotations, painter);

  const workspaceArticles = new WorkspaceArticles(analysis);
  const annotationTree = createAnnotationTreeView(annotations);
  const articleTree = createArticleTreeView(analysis, annotations, articles);
  const crossTree = createCrossArticleTreeView(async () => {
    const { articles: loaded } = await workspaceArticles.load(vscode.workspace.workspaceFolders ?? []);
    return buildCrossIndex(loaded.map((a) => ({ path: indexPath(a), text: a.text, analysis: a.analysis })));
  }, defaultArticleResolver);
  const statusBar = new StatusBar(analysis, annotations, articles);
  const contextKeys = new ContextKeys(articles, annotations);
  context.subscriptions.push(annotationTree.provider, articleTree.provider, crossTree.provider, statusBar, contextKeys, new ClaimDiagnostics(analysis, annotations));

  const commands: CommandContext = { extensionUri: context.extensionUri, articles, analysis, annotations };
  context.subscriptions.push(
    ...registerReportCommands(commands, workspaceArticles),
    ...registerViewCommands(annotationTree.provider),
    vscode.commands.registerCommand('aiNews.refreshCrossArticles', () => crossTree.provider.refresh()),
    vscode.commands.registerCommand('aiNews.openSeedArticle', (args?: { file?: string }) => openSeedArticle(context.extensionUri, args)),
    ...registerVerdictCommands(commands),
    ...registerNavigationCommands(commands),
    ...registerWorkspaceCommands(commands),
    ...registerImportCommands(commands),
    vscode.languages.registerHoverProvider(TEXT_DOCUMENTS, new ArticleHoverProvider(analysis, annotations)),
    vscode.languages.registerCodeActionsProvider(TEXT_DOCUMENTS, new VerdictCodeActionProvider(analysis, outdated), VerdictCodeActionProvider.metadata),
    annotations.onDidReportProblem(({ folder, message }) => void reportProblem(folder, message, annotations)),
  );

  await Promise.all([analysis.initialize(), annotations.initialize()]);
  painter.paintAll();
  void revealSidebarIfConfigured();
  return createApi(painter, analysis, annotations, {
    annotationTree: annotationTree.provider,
    annotationView: annotationTree.view,
    readOnlyReason: () => annotations.entries().map((e) => e.store.readOnlyReason).find((r) => r !== undefined),
    articleTree: articleTree.provider,
    crossTree: crossTree.provider,
    statusBar,
    contextKeys,
  });
}

/** Says what is wrong with a folder's annotation file; offers the fix when git left conflicts. */
async function reportProblem(folder: vscode.WorkspaceFolder, message: string, annotations: AnnotationService): Promise<void> {
  const conflicted = annotations.storeFor(folder)?.conflictProposal !== undefined;
  const resolve = vscode.l10n.t('Review the merge…');
  const open = vscode.l10n.t('Open the file');
  const choice = await vscode.window.showWarningMessage(`${folder.name}: ${message}`, ...(conflicted ? [resolve] : []), open);
  if (choice === resolve) await vscode.commands.executeCommand('aiNews.resolveAnnotationConflicts');
  else if (choice === open) await vscode.window.showTextDocument(annotations.fileUri(folder));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
