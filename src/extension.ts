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
import { registerNavigationCommands } from './editor/commands/navigationCommands';
import { registerVerdictCommands } from './editor/commands/verdictCommands';
import { registerWorkspaceCommands } from './editor/commands/workspaceCommands';
import { DecorationPainter } from './editor/decorations';
import { ArticleHoverProvider } from './editor/hover';
import { possiblyOutdatedSpans } from './editor/outdatedSuggestions';
import { openSeedArticle } from './editor/seedArticles';
import { createApi, type AiNewsApi } from './editor/testApi';

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

  const commands: CommandContext = { extensionUri: context.extensionUri, articles, analysis, annotations };
  context.subscriptions.push(
    vscode.commands.registerCommand('aiNews.openSeedArticle', (args?: { file?: string }) => openSeedArticle(context.extensionUri, args)),
    ...registerVerdictCommands(commands),
    ...registerNavigationCommands(commands),
    ...registerWorkspaceCommands(commands),
    vscode.languages.registerHoverProvider(TEXT_DOCUMENTS, new ArticleHoverProvider(analysis, annotations)),
    vscode.languages.registerCodeActionsProvider(TEXT_DOCUMENTS, new VerdictCodeActionProvider(analysis, outdated), VerdictCodeActionProvider.metadata),
    annotations.onDidReportProblem(({ folder, message }) => void vscode.window.showWarningMessage(`${folder.name}: ${message}`)),
  );

  await Promise.all([analysis.initialize(), annotations.initialize()]);
  painter.paintAll();
  return createApi(painter, analysis, annotations, {});
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
