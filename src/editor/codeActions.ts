/**
 * The light bulb on a claim or a selection: mark it verified, disputed or outdated. A claim with
 * time-sensitive wording in an old article also offers "Mark outdated" first (a suggestion, never an
 * automatic verdict).
 */
import * as vscode from 'vscode';
import type { ArticleSessions } from './articleSessions';
import { lightBulbVerdicts, type CLAIM_COMMANDS } from '../core/hover/hoverContent';
import { toSpan, type Span } from './ranges';

const VERDICT_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('aiNews');

const VERDICT_TITLE: Record<(typeof CLAIM_COMMANDS)[number], () => string> = {
  'aiNews.markVerified': () => vscode.l10n.t('AI News: Mark verified'),
  'aiNews.markDisputed': () => vscode.l10n.t('AI News: Mark disputed'),
  'aiNews.markOutdated': () => vscode.l10n.t('AI News: Mark outdated'),
};

/** A light-bulb entry that runs `command` on a span of the document. */
function spanAction(kind: vscode.CodeActionKind, document: vscode.TextDocument, target: Span, title: string, command: string, preferred = false): vscode.CodeAction {
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
    return lightBulbVerdicts(suggestsOutdated).map(({ command, suggested }) => {
      const title = suggested ? vscode.l10n.t('AI News: Mark outdated (time-sensitive wording in an old article)') : VERDICT_TITLE[command]();
      return spanAction(VERDICT_ACTION_KIND, document, target, title, command, suggested);
    });
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
    const action = (title: string, command: string, target: Span): vscode.CodeAction => spanAction(FEEDBACK_ACTION_KIND, document, target, title, command);
    const entity = findings.find((f) => f.kind === 'entity');
    const claim = findings.find((f) => f.kind === 'claim');
    return [
      ...(entity ? [action(vscode.l10n.t('AI News: Not an entity'), 'aiNews.notAnEntity', entity), action(vscode.l10n.t('AI News: Wrong entity type…'), 'aiNews.wrongEntityType', entity)] : []),
      ...(claim ? [action(vscode.l10n.t('AI News: Not a claim'), 'aiNews.notAClaim', claim)] : []),
    ];
  }
}
