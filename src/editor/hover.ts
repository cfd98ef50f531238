/**
 * Hover on a finding or an annotation: what it is, why it was flagged, what the team decided.
 * Notes and evidence arrive from other people through git: they are rendered as plain text, and only
 * the command links built here may run commands (an allow-list on the MarkdownString). What to show
 * is decided in src/core/hover; this module words it.
 */
import * as vscode from 'vscode';
import type { ClaimFinding, Finding } from '../core/analysis/types';
import type { ArticleSessions, PlacedAnnotation } from './articleSessions';
import { HOVER_COMMANDS, type HoverCommand } from '../core/hover/commandLinks';
import { actionLinks, annotationActions, CLAIM_COMMANDS, evidenceLink, formatValue, inertText, narrowestSpan, showsWorkflowState, type AnnotationAction } from '../core/hover/hoverContent';
import { claimReasonsText, flagLabel, groupLabel, kindLabel, reviewLines, stateLabel, workflowLabel } from './labels';
import type { TeamSource } from './decorations';
import type { TeamConfig } from '../core/team/team';
import { workflowState } from '../core/team/workflow';
import { toRange } from './ranges';
import { evidenceUrl } from '../core/store/annotation';

/** The This-article tree writes a number's value as the hover does (it imports it from here). */
export { formatValue } from '../core/hover/hoverContent';

const COMMAND_LABEL: Record<Exclude<HoverCommand, 'aiNews.setStatus'>, () => string> = {
  'aiNews.markVerified': () => vscode.l10n.t('Mark verified'),
  'aiNews.markDisputed': () => vscode.l10n.t('Mark disputed'),
  'aiNews.markOutdated': () => vscode.l10n.t('Mark outdated'),
  'aiNews.approveVerdict': () => vscode.l10n.t('Approve'),
  'aiNews.requestChanges': () => vscode.l10n.t('Request changes'),
  'aiNews.startChecking': () => vscode.l10n.t('Start checking'),
  'aiNews.editNote': () => vscode.l10n.t('Edit note'),
  'aiNews.addEvidence': () => vscode.l10n.t('Add evidence'),
  'aiNews.openEvidence': () => vscode.l10n.t('Open evidence'),
  'aiNews.addTag': () => vscode.l10n.t('Add tag'),
  'aiNews.removeAnnotation': () => vscode.l10n.t('Remove'),
};

function actionLabel({ command, status }: AnnotationAction): string {
  return command === 'aiNews.setStatus' ? vscode.l10n.t('Set {0}', groupLabel(status ?? '')) : COMMAND_LABEL[command]();
}

function appendFinding(md: vscode.MarkdownString, document: vscode.TextDocument, finding: Finding): void {
  md.appendMarkdown(`**${kindLabel(finding.kind)}**`);
  if (finding.type) md.appendText(` · ${finding.type}`);
  md.appendMarkdown('\n\n');
  if (finding.kind === 'number') {
    const value = formatValue(finding, vscode.env.language);
    appendParagraph(md, value ? vscode.l10n.t('Value: {0}', value) : vscode.l10n.t('No normalised value'));
  } else if (finding.kind === 'entity') {
    appendParagraph(md, vscode.l10n.t('Name: {0}', finding.canonical));
    // Reasons quote the article ("after \"sagte\""): text, never markup.
    if (finding.reasons?.length) appendParagraph(md, vscode.l10n.t('Why: {0}', finding.reasons.join('; ')));
  } else {
    appendClaim(md, document, finding);
  }
}

function appendClaim(md: vscode.MarkdownString, document: vscode.TextDocument, claim: ClaimFinding): void {
  appendParagraph(md, vscode.l10n.t('Check-worthiness {0}', claim.score.toFixed(2)));
  // Reasons and time-sensitive words quote the article: text, never markup.
  if (claim.signals.length > 0) appendParagraph(md, vscode.l10n.t('Why: {0}', claimReasonsText(claim, '; ')));
  if (claim.timeSensitive.length > 0) appendParagraph(md, vscode.l10n.t('Time-sensitive wording: {0}', claim.timeSensitive.join(', ')));
  const commands = CLAIM_COMMANDS.map((command) => ({ command }));
  md.appendMarkdown(actionLinks(commands, { uri: document.uri.toString(), start: claim.start, end: claim.end }, ({ command }) => COMMAND_LABEL[command]()));
  md.appendMarkdown('\n\n');
}

function appendAnnotation(md: vscode.MarkdownString, placed: PlacedAnnotation, folder: vscode.WorkspaceFolder, team: TeamConfig): void {
  const a = placed.annotation;
  const state = workflowState(a, team);
  md.appendMarkdown('**');
  appendUntrusted(md, groupLabel(a.status, team));
  md.appendMarkdown('**');
  if (showsWorkflowState(state, team)) md.appendText(` · ${workflowLabel(state)}`);
  md.appendText(` · ${stateLabel(placed.state)}`);
  for (const flag of placed.flags) md.appendText(` · ${flagLabel(flag)}`);
  md.appendMarkdown('\n\n');
  if (a.note) appendParagraph(md, vscode.l10n.t('Note: {0}', a.note));
  if (a.tags?.length) appendParagraph(md, vscode.l10n.t('Tags: {0}', a.tags.join(', ')));
  for (const item of a.evidence ?? []) {
    const link = evidenceLink(item);
    if (link) md.appendMarkdown(`${link}\n\n`);
    else appendParagraph(md, vscode.l10n.t('Evidence: {0}', evidenceUrl(item)));
  }
  appendUntrusted(md, vscode.l10n.t('By {0} · created {1} · modified {2}', a.author || vscode.l10n.t('unknown'), a.created.slice(0, 10), a.modified.slice(0, 10)));
  if (a.reviewBy) appendUntrusted(md, ` · ${vscode.l10n.t('review by {0}', a.reviewBy)}`);
  md.appendMarkdown('\n\n');
  const work = [...(a.assignee ? [vscode.l10n.t('Assigned to {0}', a.assignee)] : []), ...reviewLines(a, team)];
  for (const line of work) appendParagraph(md, line);
  md.appendMarkdown(actionLinks(annotationActions(a, state), { folder: folder.uri.toString(), id: a.id }, actionLabel));
  md.appendMarkdown('\n\n');
}

/** Appends text that arrived from other people (through git), or quotes them, as inert text. */
function appendUntrusted(md: vscode.MarkdownString, text: string): void {
  md.appendText(inertText(text));
}

/** One paragraph of inert text. */
function appendParagraph(md: vscode.MarkdownString, text: string): void {
  appendUntrusted(md, text);
  md.appendMarkdown('\n\n');
}

/** Asks the article's session only for what lies under the pointer: never the rest of a large article. */
export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly sessions: ArticleSessions,
    private readonly teams: TeamSource,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const point = this.sessions.at(document, document.offsetAt(position));
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!point) return undefined;
    const placed = folder ? point.placements : [];
    const { findings } = point;
    if (placed.length === 0 && findings.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    if (folder) for (const p of placed) appendAnnotation(md, p, folder, this.teams.teamFor(document.uri));
    for (const f of findings) appendFinding(md, document, f);
    return new vscode.Hover(md, toRange(document, narrowestSpan([...placed.map((p) => p.span!), ...findings])));
  }
}
