/**
 * The light bulb on a claim or a selection: mark it verified, disputed or outdated; and on a claim or
 * an entity the detector got wrong, correct it. What it offers is worded in src/core/hover/lightBulb.
 */
import * as vscode from 'vscode';
import { feedbackActions, verdictActions, type LightBulbAction } from '../core/hover/lightBulb';
import type { ArticleSessions } from './articleSessions';
import { toSpan, type Span } from './ranges';

const VERDICT_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('aiNews');

/** A light-bulb entry that runs its command on a span of the document. */
function codeActionOf(kind: vscode.CodeActionKind, document: vscode.TextDocument, { title, command, target, preferred }: LightBulbAction): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.command = { title, command, arguments: [{ uri: document.uri.toString(), start: target.start, end: target.end }] };
  action.isPreferred = preferred;
  return action;
}

export class VerdictCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [VERDICT_ACTION_KIND] };

  constructor(private readonly sessions: ArticleSessions) {}

  /** Asks the article's session only for the claim under the cursor: never the rest of a large article. */
  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const selected = toSpan(document, range);
    const claim = range.isEmpty ? this.sessions.at(document, selected.start)?.findings.find((f) => f.kind === 'claim') : undefined;
    const target: Span | undefined = range.isEmpty ? claim : selected;
    if (!target) return [];
    const suggestsOutdated = claim !== undefined && this.sessions.suggestsOutdated(document, claim);
    return verdictActions(vscode.l10n, target, suggestsOutdated).map((action) => codeActionOf(VERDICT_ACTION_KIND, document, action));
  }
}

const FEEDBACK_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('aiNewsFeedback');

/** The light bulb on a claim or an entity the detector got wrong: "Not a claim", "Not an entity", "Wrong entity type…". */
export class FeedbackCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [FEEDBACK_ACTION_KIND] };

  constructor(private readonly sessions: ArticleSessions) {}

  /** Only the findings under the cursor: never the rest of a large article. */
  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (!range.isEmpty) return [];
    const findings = this.sessions.at(document, document.offsetAt(range.start))?.findings ?? [];
    return feedbackActions(vscode.l10n, findings).map((action) => codeActionOf(FEEDBACK_ACTION_KIND, document, action));
  }
}
