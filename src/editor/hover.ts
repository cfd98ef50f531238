/**
 * Hover on a finding or an annotation: what it is, why it was flagged, what the team decided.
 * Notes and evidence arrive from other people through git: they are rendered as plain text, and only
 * the command links built here may run commands (an allow-list on the MarkdownString).
 */
import * as vscode from 'vscode';
import { claimReasonsText } from './claimReasons';
import type { ClaimFinding, Finding, NumberFinding } from '../core/analysis/types';
import type { ArticleSessions, PlacedAnnotation } from './articleSessions';
import { commandLink, HOVER_COMMANDS } from './commandLinks';
import { flagLabel, groupLabel, kindLabel, reviewLines, stateLabel, workflowLabel } from './labels';
import type { TeamSource } from './decorations';
import type { TeamConfig } from '../core/team/team';
import { workflowState } from '../core/team/workflow';
import { toRange } from './ranges';
import { evidenceUrl } from '../core/store/annotation';

/** A value as the reader's locale writes it, with its unit; dates keep their ISO form ("2025-01-26", "2025-Q1"). */
export function formatValue(finding: NumberFinding, locale: string): string | undefined {
  if (finding.value === null || finding.value === undefined) return undefined;
  if (typeof finding.value === 'string') return finding.value;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(finding.value);
  return finding.unit ? `${number} ${finding.unit}` : number;
}

/** Only web links from other people become links; anything else (command:, file:) stays text. */
export function isSafeLink(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function appendVerdictLinks(md: vscode.MarkdownString, args: object): void {
  md.appendMarkdown(
    [
      commandLink(vscode.l10n.t('Mark verified'), 'aiNews.markVerified', args),
      commandLink(vscode.l10n.t('Mark disputed'), 'aiNews.markDisputed', args),
      commandLink(vscode.l10n.t('Mark outdated'), 'aiNews.markOutdated', args),
    ].join(' · '),
  );
}

function appendFinding(md: vscode.MarkdownString, document: vscode.TextDocument, finding: Finding): void {
  md.appendMarkdown(`**${kindLabel(finding.kind)}**`);
  if (finding.type) md.appendText(` · ${finding.type}`);
  md.appendMarkdown('\n\n');
  if (finding.kind === 'number') {
    const value = formatValue(finding, vscode.env.language);
    md.appendText(value ? vscode.l10n.t('Value: {0}', value) : vscode.l10n.t('No normalised value'));
    md.appendMarkdown('\n\n');
  } else if (finding.kind === 'entity') {
    appendUntrusted(md, vscode.l10n.t('Name: {0}', finding.canonical));
    md.appendMarkdown('\n\n');
    // Reasons quote the article ("after \"sagte\""): text, never markup.
    if (finding.reasons?.length) {
      appendUntrusted(md, vscode.l10n.t('Why: {0}', finding.reasons.join('; ')));
      md.appendMarkdown('\n\n');
    }
  } else {
    appendClaim(md, document, finding);
  }
}

function appendClaim(md: vscode.MarkdownString, document: vscode.TextDocument, claim: ClaimFinding): void {
  md.appendText(vscode.l10n.t('Check-worthiness {0}', claim.score.toFixed(2)));
  md.appendMarkdown('\n\n');
  if (claim.signals.length > 0) {
    md.appendText(vscode.l10n.t('Why: {0}', claimReasonsText(claim, '; ')));
    md.appendMarkdown('\n\n');
  }
  if (claim.timeSensitive.length > 0) {
    md.appendText(vscode.l10n.t('Time-sensitive wording: {0}', claim.timeSensitive.join(', ')));
    md.appendMarkdown('\n\n');
  }
  appendVerdictLinks(md, { uri: document.uri.toString(), start: claim.start, end: claim.end });
  md.appendMarkdown('\n\n');
}

function appendAnnotation(md: vscode.MarkdownString, placed: PlacedAnnotation, folder: vscode.WorkspaceFolder, team: TeamConfig): void {
  const a = placed.annotation;
  const state = workflowState(a, team);
  md.appendMarkdown('**');
  appendUntrusted(md, groupLabel(a.status, team));
  md.appendMarkdown('**');
  // "final" says nothing new when the team does not review: only the states that ask for work.
  if (team.secondReview !== 'off' || state === 'in-progress') md.appendText(` · ${workflowLabel(state)}`);
  md.appendText(` · ${stateLabel(placed.state)}`);
  for (const flag of placed.flags) md.appendText(` · ${flagLabel(flag)}`);
  md.appendMarkdown('\n\n');
  if (a.note) {
    appendUntrusted(md, vscode.l10n.t('Note: {0}', a.note));
    md.appendMarkdown('\n\n');
  }
  if (a.tags?.length) {
    appendUntrusted(md, vscode.l10n.t('Tags: {0}', a.tags.join(', ')));
    md.appendMarkdown('\n\n');
  }
  for (const link of (a.evidence ?? []).map(evidenceUrl)) {
    if (isSafeLink(link)) md.appendMarkdown(`[${escapeLinkText(link)}](${safeHref(link)})\n\n`);
    else {
      appendUntrusted(md, vscode.l10n.t('Evidence: {0}', link));
      md.appendMarkdown('\n\n');
    }
  }
  appendUntrusted(md, vscode.l10n.t('By {0} · created {1} · modified {2}', a.author || vscode.l10n.t('unknown'), a.created.slice(0, 10), a.modified.slice(0, 10)));
  if (a.reviewBy) appendUntrusted(md, ` · ${vscode.l10n.t('review by {0}', a.reviewBy)}`);
  md.appendMarkdown('\n\n');
  const work = [...(a.assignee ? [vscode.l10n.t('Assigned to {0}', a.assignee)] : []), ...reviewLines(a, team)];
  for (const line of work) {
    appendUntrusted(md, line);
    md.appendMarkdown('\n\n');
  }
  const target = { folder: folder.uri.toString(), id: a.id };
  md.appendMarkdown(
    [
      ...(['verified', 'disputed', 'outdated'] as const)
        .filter((s) => s !== a.status)
        .map((s) => commandLink(vscode.l10n.t('Set {0}', groupLabel(s)), 'aiNews.setStatus', { ...target, status: s })),
      ...(state === 'awaiting-review' || state === 'changes-requested'
        ? [commandLink(vscode.l10n.t('Approve'), 'aiNews.approveVerdict', target), commandLink(vscode.l10n.t('Request changes'), 'aiNews.requestChanges', target)]
        : []),
      ...(state === 'in-progress' ? [] : [commandLink(vscode.l10n.t('Start checking'), 'aiNews.startChecking', target)]),
      commandLink(vscode.l10n.t('Edit note'), 'aiNews.editNote', target),
      commandLink(vscode.l10n.t('Add evidence'), 'aiNews.addEvidence', target),
      ...(a.evidence?.length ? [commandLink(vscode.l10n.t('Open evidence'), 'aiNews.openEvidence', target)] : []),
      commandLink(vscode.l10n.t('Add tag'), 'aiNews.addTag', target),
      commandLink(vscode.l10n.t('Remove'), 'aiNews.removeAnnotation', target),
    ].join(' · '),
  );
  md.appendMarkdown('\n\n');
}

/**
 * Appends text that arrived from other people (through git) as inert text: appendText escapes the
 * markdown syntax, and HTML's angle brackets and entities are escaped too, so that nothing in a note
 * can become a tag, a link or a command, whatever the renderer's HTML settings.
 */
function appendUntrusted(md: vscode.MarkdownString, text: string): void {
  md.appendText(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** A normalised web address whose parentheses cannot end the markdown link early. */
function safeHref(link: string): string {
  return new URL(link).href.replace(/[()]/g, (c) => encodeURIComponent(c));
}

/** Square brackets and backslashes would end or escape the link text early. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (c) => `\\${c}`);
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
    const spans = [...placed.map((p) => p.span!), ...findings];
    const narrowest = spans.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    return new vscode.Hover(md, toRange(document, narrowest));
  }
}
