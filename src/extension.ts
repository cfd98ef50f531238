/**
 * AI News Annotator: activation is wiring only. Every part registers its disposables here.
 */
import * as vscode from 'vscode';
import { openSeedArticle } from './editor/seedArticles';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('aiNews.openSeedArticle', (args?: { file?: string }) => openSeedArticle(context.extensionUri, args)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
