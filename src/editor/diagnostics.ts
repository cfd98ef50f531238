/**
 * Optional (`aiNews.diagnostics.enabled`): unreviewed claims as Information diagnostics, so that
 * the Problems panel lists what is left to check. Off by default: articles are not code.
 */
import * as vscode from 'vscode';
import { claimReasonsText } from './claimReasons';
import type { AnalysisService } from './analysisService';
import { Disposable } from './disposable';
import type { AnnotationSource } from './placedAnnotation';
import { toRange } from './ranges';
import { readSettings } from './settings';

export class ClaimDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('aiNews'));

  constructor(
    private readonly analysis: AnalysisService,
    private readonly annotations: AnnotationSource,
  ) {
    super();
    this.register(analysis.onDidAnalyze((document) => this.update(document)));
    this.register(annotations.onDidChange(() => this.updateAll()));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiNews.diagnostics.enabled')) this.updateAll();
    }));
    this.updateAll();
  }

  private updateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  private update(document: vscode.TextDocument): void {
    const progress = readSettings(document.uri).diagnosticsEnabled ? this.analysis.progressFor(document) : undefined;
    if (!progress) {
      this.collection.delete(document.uri);
      return;
    }
    // A large article is analysed in slices: the Problems panel waits for the complete list.
    if (!progress.complete) return;
    const analysis = progress.analysis;
    const reviewed = this.annotations.placedAnnotations(document).flatMap((p) => (p.span ? [p.span] : []));
    const diagnostics = analysis.findings.flatMap((f) => {
      if (f.kind !== 'claim' || reviewed.some((s) => s.start < f.end && f.start < s.end)) return [];
      const diagnostic = new vscode.Diagnostic(
        toRange(document, f),
        vscode.l10n.t('Unreviewed claim ({0})', claimReasonsText(f, ', ')),
        vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = 'AI News';
      return [diagnostic];
    });
    this.collection.set(document.uri, diagnostics);
  }
}
