/**
 * The light bulb on a claim or a selection: mark it verified, disputed or outdated. A claim with
 * time-sensitive wording in an old article also offers "Mark outdated" first (a suggestion, never an
 * automatic verdict).
 */
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { toSpan, type Span } from './ranges';

export const VERDICT_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('aiNews');

export class VerdictCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [VERDICT_ACTION_KIND] };

  constructor(
    private readonly analysis: AnalysisService,
    private readonly possiblyOutdated: (document: vscode.TextDocument) => Span[],
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const analysis = this.analysis.analysisFor(document);
    const selected = toSpan(document, range);
    let target: Span | undefined;
    if (!range.isEmpty) target = selected;
    else target = analysis?.findings.find((f) => f.kind === 'claim' && f.start <= selected.start && selected.start < f.end);
    if (!target) return [];
    const args = { uri: document.uri.toString(), start: target.start, end: target.end };
    const action = (title: string, command: string, preferred = false): vscode.CodeAction => {
      const a = new vscode.CodeAction(title, VERDICT_ACTION_KIND);
      a.command = { title, command, arguments: [args] };
      a.isPreferred = preferred;
      return a;
    };
    const t = target;
    const suggestsOutdated = this.possiblyOutdated(document).some((s) => s.start === t.start && s.end === t.end);
    const actions = [
      action(vscode.l10n.t('AI News: Mark verified'), 'aiNews.markVerified'),
      action(vscode.l10n.t('AI News: Mark disputed'), 'aiNews.markDisputed'),
      action(vscode.l10n.t('AI News: Mark outdated'), 'aiNews.markOutdated'),
    ];
    if (suggestsOutdated) {
      actions.unshift(action(vscode.l10n.t('AI News: Mark outdated (time-sensitive wording in an old article)'), 'aiNews.markOutdated', true));
      actions.pop();
    }
    return actions;
  }
}
