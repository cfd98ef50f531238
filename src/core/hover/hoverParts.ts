/**
 * The hover on a finding or an annotation, worded: what it is, why it was flagged, what the team
 * decided, and the command links it offers. Built as parts the editor appends to a MarkdownString in
 * order: `markdown` is the extension's own markup (headings, the command links of hoverContent),
 * `text` goes through `appendText`, which escapes markdown; text from other people or quoting the
 * article is made inert here as well (see inertText).
 */
import type { ClaimFinding, Finding } from '../analysis/types';
import type { L10n, Words } from '../labels/words';
import type { PlacedAnnotation } from '../session/articleSession';
import { evidenceUrl } from '../store/annotation';
import type { TeamConfig } from '../team/team';
import { workflowState } from '../team/workflow';
import type { HoverCommand } from './commandLinks';
import { actionLinks, annotationActions, CLAIM_COMMANDS, evidenceLink, formatValue, inertText, showsWorkflowState, type AnnotationAction } from './hoverContent';

export type HoverPart = { kind: 'markdown'; value: string } | { kind: 'text'; value: string };

const COMMAND_LABEL: Record<Exclude<HoverCommand, 'aiNews.setStatus'>, (l10n: L10n) => string> = {
  'aiNews.markVerified': (l10n) => l10n.t('Mark verified'),
  'aiNews.markDisputed': (l10n) => l10n.t('Mark disputed'),
  'aiNews.markOutdated': (l10n) => l10n.t('Mark outdated'),
  'aiNews.approveVerdict': (l10n) => l10n.t('Approve'),
  'aiNews.requestChanges': (l10n) => l10n.t('Request changes'),
  'aiNews.startChecking': (l10n) => l10n.t('Start checking'),
  'aiNews.editNote': (l10n) => l10n.t('Edit note'),
  'aiNews.addEvidence': (l10n) => l10n.t('Add evidence'),
  'aiNews.openEvidence': (l10n) => l10n.t('Open evidence'),
  'aiNews.addTag': (l10n) => l10n.t('Add tag'),
  'aiNews.removeAnnotation': (l10n) => l10n.t('Remove'),
};

function actionLabel(words: Words, { command, status }: AnnotationAction): string {
  const { l10n } = words;
  return command === 'aiNews.setStatus' ? l10n.t('Set {0}', words.groupLabel(status ?? '')) : COMMAND_LABEL[command](words.l10n);
}

/** Collects the parts of one hover. */
class HoverWriter {
  readonly parts: HoverPart[] = [];

  markdown(value: string): void {
    this.parts.push({ kind: 'markdown', value });
  }

  text(value: string): void {
    this.parts.push({ kind: 'text', value });
  }

  /** Text that arrived from other people (through git), or quotes them, as inert text. */
  untrusted(value: string): void {
    this.text(inertText(value));
  }

  /** One paragraph of inert text. */
  paragraph(value: string): void {
    this.untrusted(value);
    this.markdown('\n\n');
  }
}

function writeFinding(out: HoverWriter, words: Words, articleUri: string, finding: Finding): void {
  const { l10n } = words;
  out.markdown(`**${words.kindLabel(finding.kind)}**`);
  if (finding.type) out.text(` · ${finding.type}`);
  out.markdown('\n\n');
  if (finding.kind === 'number') {
    const value = formatValue(finding, words.locale);
    out.paragraph(value ? l10n.t('Value: {0}', value) : l10n.t('No normalised value'));
  } else if (finding.kind === 'entity') {
    out.paragraph(l10n.t('Name: {0}', finding.canonical));
    // Reasons quote the article ("after \"sagte\""): text, never markup.
    if (finding.reasons?.length) out.paragraph(l10n.t('Why: {0}', finding.reasons.join('; ')));
  } else {
    writeClaim(out, words, articleUri, finding);
  }
}

function writeClaim(out: HoverWriter, words: Words, articleUri: string, claim: ClaimFinding): void {
  const { l10n } = words;
  out.paragraph(l10n.t('Check-worthiness {0}', claim.score.toFixed(2)));
  // Reasons and time-sensitive words quote the article: text, never markup.
  if (claim.signals.length > 0) out.paragraph(l10n.t('Why: {0}', words.claimReasonsText(claim, '; ')));
  if (claim.timeSensitive.length > 0) out.paragraph(l10n.t('Time-sensitive wording: {0}', claim.timeSensitive.join(', ')));
  const commands = CLAIM_COMMANDS.map((command) => ({ command }));
  out.markdown(actionLinks(commands, { uri: articleUri, start: claim.start, end: claim.end }, ({ command }) => COMMAND_LABEL[command](words.l10n)));
  out.markdown('\n\n');
}

function writeAnnotation(out: HoverWriter, words: Words, placed: PlacedAnnotation, folder: string, team: TeamConfig): void {
  const { l10n } = words;
  const a = placed.annotation;
  const state = workflowState(a, team);
  out.markdown('**');
  out.untrusted(words.groupLabel(a.status, team));
  out.markdown('**');
  if (showsWorkflowState(state, team)) out.text(` · ${words.workflowLabel(state)}`);
  out.text(` · ${words.stateLabel(placed.state)}`);
  for (const flag of placed.flags) out.text(` · ${words.flagLabel(flag)}`);
  out.markdown('\n\n');
  if (a.note) out.paragraph(l10n.t('Note: {0}', a.note));
  if (a.tags?.length) out.paragraph(l10n.t('Tags: {0}', a.tags.join(', ')));
  for (const item of a.evidence ?? []) {
    const link = evidenceLink(item);
    if (link) out.markdown(`${link}\n\n`);
    else out.paragraph(l10n.t('Evidence: {0}', evidenceUrl(item)));
  }
  out.untrusted(l10n.t('By {0} · created {1} · modified {2}', a.author || l10n.t('unknown'), a.created.slice(0, 10), a.modified.slice(0, 10)));
  if (a.reviewBy) out.untrusted(` · ${l10n.t('review by {0}', a.reviewBy)}`);
  out.markdown('\n\n');
  const work = [...(a.assignee ? [l10n.t('Assigned to {0}', a.assignee)] : []), ...words.reviewLines(a, team)];
  for (const line of work) out.paragraph(line);
  out.markdown(actionLinks(annotationActions(a, state), { folder, id: a.id }, (action) => actionLabel(words, action)));
  out.markdown('\n\n');
}

/**
 * The hover's parts: the annotations under the pointer (only inside a workspace folder, whose URI
 * their links name), then the findings.
 */
export function hoverParts(
  words: Words,
  articleUri: string,
  annotations: { placed: readonly PlacedAnnotation[]; folder: string; team: TeamConfig } | undefined,
  findings: readonly Finding[],
): HoverPart[] {
  const out = new HoverWriter();
  if (annotations) for (const p of annotations.placed) writeAnnotation(out, words, p, annotations.folder, annotations.team);
  for (const f of findings) writeFinding(out, words, articleUri, f);
  return out.parts;
}
