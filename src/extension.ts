/**
 * AI News Annotator: activation is wiring only. Each part owns its listeners and is disposed
 * through context.subscriptions.
 */
import * as vscode from 'vscode';
import { AnnotationService } from './editor/annotationService';
import { ArticleRegistry } from './editor/articleRegistry';
import { ArticleSessions } from './editor/articleSessions';
import { SettingsCache } from './editor/settings';
import { FeedbackCodeActionProvider, VerdictCodeActionProvider } from './editor/codeActions';
import type { CommandContext } from './editor/commands/context';
import { registerEvidenceCommands } from './editor/commands/evidenceCommands';
import { registerFeedbackCommands } from './editor/commands/feedbackCommands';
import { registerImportCommands } from './editor/commands/importCommands';
import { registerNavigationCommands } from './editor/commands/navigationCommands';
import { registerReportCommands } from './editor/commands/reportCommands';
import { registerViewCommands } from './editor/commands/viewCommands';
import { registerVerdictCommands } from './editor/commands/verdictCommands';
import { registerReviewCommands } from './editor/commands/reviewCommands';
import { registerSearchCommands } from './editor/commands/searchCommands';
import { registerTagCommands } from './editor/commands/tagCommands';
import { registerWorkspaceCommands } from './editor/commands/workspaceCommands';
import { AnnotationThreads } from './editor/comments/annotationThreads';
import { registerThreadCommands } from './editor/comments/threadCommands';
import { ContextKeys } from './editor/contextKeys';
import { DecorationPainter } from './editor/decorations';
import { ClaimDiagnostics } from './editor/diagnostics';
import { ArticleHoverProvider } from './editor/hover';
import { FeedbackService } from './editor/feedbackService';
import { Lexicons } from './editor/lexicons';
import { openSeedArticle } from './editor/seedArticles';
import { createAnnotationTreeView } from './editor/sidebar/annotationTree';
import { createArticleTreeView } from './editor/sidebar/articleTree';
import { createCrossArticleTreeView, defaultArticleResolver } from './editor/sidebar/crossArticleTree';
import { revealSidebarIfConfigured } from './editor/startup';
import { StatusBar } from './editor/statusBar';
import { TeamFiles } from './editor/teamFiles';
import { createApi, type AiNewsApi } from './editor/testApi';
import { indexPath, WorkspaceArticles } from './editor/workspaceArticles';
import { buildCrossIndex } from './core/crossref';
import { inertNotificationText, NOTIFICATION_MESSAGE_LENGTH } from './core/notificationText';

/** Documents the language features apply to; the providers themselves skip non-articles. */
const TEXT_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'plaintext' },
  { language: 'markdown' },
];

export async function activate(context: vscode.ExtensionContext): Promise<AiNewsApi> {
  // First, so that it forgets changed settings before any other part reacts to the change.
  const settings = new SettingsCache();
  const articles = new ArticleRegistry(context.workspaceState, settings);
  const lexicons = new Lexicons();
  const teams = new TeamFiles();
  const annotations = new AnnotationService(settings);
  const feedback = new FeedbackService(annotations);
  const sessions = new ArticleSessions(articles, annotations, lexicons, feedback, settings, teams);
  const painter = new DecorationPainter(context.extensionUri, sessions, settings, teams);
  context.subscriptions.push(settings, articles, lexicons, teams, annotations, feedback, sessions, painter);

  const workspaceArticles = new WorkspaceArticles(sessions, lexicons, settings, feedback);
  const annotationTree = createAnnotationTreeView(annotations, sessions, settings, teams);
  const articleTree = createArticleTreeView(sessions, articles);
  const crossTree = createCrossArticleTreeView(async () => {
    const { articles: loaded } = await workspaceArticles.load(vscode.workspace.workspaceFolders ?? []);
    return buildCrossIndex(loaded.map((a) => ({ path: indexPath(a), text: a.text, analysis: a.analysis })));
  }, defaultArticleResolver);
  const statusBar = new StatusBar(sessions, articles, settings, annotations, teams);
  const contextKeys = new ContextKeys(articles, sessions, annotations);
  const threads = new AnnotationThreads(sessions, annotations, teams);
  context.subscriptions.push(annotationTree.provider, articleTree.provider, crossTree.provider, statusBar, contextKeys, new ClaimDiagnostics(sessions, settings), threads);

  const commands: CommandContext = { extensionUri: context.extensionUri, articles, sessions, annotations, settings, teams };
  context.subscriptions.push(
    ...registerReportCommands(commands, workspaceArticles),
    ...registerViewCommands(annotationTree.provider),
    vscode.commands.registerCommand('aiNews.refreshCrossArticles', () => crossTree.provider.refresh()),
    vscode.commands.registerCommand('aiNews.openSeedArticle', (args?: { file?: string }) => openSeedArticle(context.extensionUri, args)),
    ...registerVerdictCommands(commands),
    ...registerEvidenceCommands(commands),
    ...registerReviewCommands(commands),
    ...registerTagCommands(commands, annotationTree.provider),
    ...registerSearchCommands(commands, annotationTree.provider),
    ...registerNavigationCommands(commands),
    ...registerWorkspaceCommands(commands),
    ...registerImportCommands(commands),
    ...registerFeedbackCommands({ ...commands, feedback }),
    ...registerThreadCommands(threads, annotations),
    vscode.languages.registerHoverProvider(TEXT_DOCUMENTS, new ArticleHoverProvider(sessions, teams)),
    vscode.languages.registerCodeActionsProvider(TEXT_DOCUMENTS, new VerdictCodeActionProvider(sessions), VerdictCodeActionProvider.metadata),
    vscode.languages.registerCodeActionsProvider(TEXT_DOCUMENTS, new FeedbackCodeActionProvider(sessions), FeedbackCodeActionProvider.metadata),
    annotations.onDidReportProblem(({ folder, message }) => void reportProblem(folder, message, annotations)),
  );

  await Promise.all([lexicons.initialize(), teams.initialize(), annotations.initialize(), feedback.initialize()]);
  sessions.start();
  void revealSidebarIfConfigured();
  return createApi(painter, sessions, {
    annotationTree: annotationTree.provider,
    annotationView: annotationTree.view,
    readOnlyReason: () => annotations.entries().map((e) => e.store.readOnlyReason).find((r) => r !== undefined),
    articleTree: articleTree.provider,
    crossTree: crossTree.provider,
    statusBar,
    contextKeys,
    feedback,
    threads,
  });
}

/** Says what is wrong with a folder's annotation file; offers the fix when git left conflicts. */
async function reportProblem(folder: vscode.WorkspaceFolder, message: string, annotations: AnnotationService): Promise<void> {
  const conflicted = annotations.storeFor(folder)?.conflictProposal !== undefined;
  const resolve = vscode.l10n.t('Review the merge…');
  const open = vscode.l10n.t('Open the file');
  const choice = await vscode.window.showWarningMessage(`${inertNotificationText(folder.name)}: ${inertNotificationText(message, NOTIFICATION_MESSAGE_LENGTH)}`, ...(conflicted ? [resolve] : []), open);
  if (choice === resolve) await vscode.commands.executeCommand('aiNews.resolveAnnotationConflicts');
  else if (choice === open) await vscode.window.showTextDocument(annotations.fileUri(folder));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
