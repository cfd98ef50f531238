/**
 * Optional (`aiNews.diagnostics.enabled`): unreviewed claims as Information diagnostics, so that
 * the Problems panel lists what is left to check. Off by default: articles are not code.
 */
import * as vscode from 'vscode';
import { unreviewedClaims } from '../core/session/articleViews';
import type { ArticleSnapshot, SnapshotSource } from './articleSessions';
import { Disposable } from './disposable';
import { claimReasonsText } from './labels';
import { toRange } from './ranges';
import { onDidChangeSettings, type SettingsCache } from './settings';

export class ClaimDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('aiNews'));

  constructor(
    private readonly sessions: SnapshotSource,
    private readonly settings: SettingsCache,
  ) {
    super();
    this.register(sessions.onDidChangeArticle(({ document, snapshot }) => this.update(document, snapshot)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    this.register(onDidChangeSettings(['aiNews.diagnostics.enabled'], () => this.updateAll()));
    this.updateAll();
  }

  private updateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.update(document, this.sessions.snapshot(document));
  }

  private update(document: vscode.TextDocument, snapshot: ArticleSnapshot | undefined): void {
    const analysis = this.settings.for(document.uri).diagnosticsEnabled ? snapshot?.analysis : undefined;
    if (!analysis) {
      // Not sent to VS Code for every snapshot while there is nothing to take back (the setting is off by default).
      if (this.collection.has(document.uri)) this.collection.delete(document.uri);
      return;
    }
    // A large article is analysed in slices: the Problems panel waits for the complete list.
    if (!snapshot?.complete) return;
    const diagnostics = unreviewedClaims(snapshot).map((f) => {
      const diagnostic = new vscode.Diagnostic(
        toRange(document, f),
        vscode.l10n.t('Unreviewed claim ({0})', claimReasonsText(f, ', ')),
        vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = 'AI News';
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
  }
}
