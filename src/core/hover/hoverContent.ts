/**
 * What the hover on a finding or an annotation shows, decided without the editor: how a value is
 * written, which of other people's text may become a link and how it is made inert, which span the
 * hover covers and which actions it offers. The editor adds the translated words and builds the
 * MarkdownString.
 */
import type { NumberFinding } from '../analysis/types';
import type { Span } from '../span';
import { evidenceUrl, type Annotation, type Evidence } from '../store/annotation';
import type { TeamConfig } from '../team/team';
import type { WorkflowState } from '../team/workflow';
import { commandLink, type HoverCommand } from './commandLinks';

/** A value as the reader's locale writes it, with its unit; dates keep their ISO form ("2025-01-26", "2025-Q1"). */
export function formatValue(finding: NumberFinding, locale: string): string | undefined {
  if (finding.value === null || finding.value === undefined) return undefined;
  if (typeof finding.value === 'string') return finding.value;
  const number = numberFormat(locale).format(finding.value);
  return finding.unit ? `${number} ${finding.unit}` : number;
}

/**
 * How a locale writes a number's value. The first format of a process loads the locale's data (tens
 * of milliseconds): the editor builds one in an idle turn after activation (see editorWarmUpSteps),
 * not in the first hover on a number.
 */
export function numberFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
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

/**
 * Text that arrived from other people (through git), for markdown's `appendText` (which escapes the
 * markdown syntax): HTML's angle brackets and entities are escaped too, so that nothing in a note can
 * become a tag, a link or a command, whatever the renderer's HTML settings.
 */
export function inertText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An evidence item as a markdown link when it is a web address: the text cannot end or escape the
 * link early, nor the address's parentheses. Undefined for anything else, which is shown as text.
 * The text is the normalised address, not the string as written: `new URL` accepts a string with
 * line breaks and tabs (and drops them), which as link text would add headings, rules and icons.
 */
export function evidenceLink(item: Evidence): string | undefined {
  const link = evidenceUrl(item);
  if (!isSafeLink(link)) return undefined;
  const address = new URL(link).href;
  // `$` too: the hover renders `$(name)` as an icon.
  const text = address.replace(/[\\[\]*_`<>$]/g, (c) => `\\${c}`);
  // encodeURIComponent leaves parentheses as they are: they are percent-encoded by hand.
  return `[${text}](${address.replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/** The narrowest span under the pointer: the hover's range. */
export function narrowestSpan<T extends Span>(spans: readonly T[]): T {
  return spans.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
}

/** Whether the hover names the verdict's workflow state: "final" says nothing new when the team does not review. */
export function showsWorkflowState(state: WorkflowState, team: TeamConfig): boolean {
  return team.secondReview !== 'off' || state === 'in-progress';
}

/** The verdicts the hover offers on a claim without one, in order. */
export const CLAIM_COMMANDS = ['aiNews.markVerified', 'aiNews.markDisputed', 'aiNews.markOutdated'] as const;

/**
 * The verdicts the light bulb offers on a claim or a selection, in order. Time-sensitive wording in
 * an old article puts "outdated" first as the suggestion (never an automatic verdict).
 */
export function lightBulbVerdicts(suggestsOutdated: boolean): { command: (typeof CLAIM_COMMANDS)[number]; suggested: boolean }[] {
  const verdicts = CLAIM_COMMANDS.map((command) => ({ command, suggested: false }));
  return suggestsOutdated ? [{ command: 'aiNews.markOutdated', suggested: true }, ...verdicts.filter((v) => v.command !== 'aiNews.markOutdated')] : verdicts;
}

/** A command the hover offers on an annotation; `status` for `aiNews.setStatus`. */
export interface AnnotationAction {
  command: HoverCommand;
  status?: 'verified' | 'disputed' | 'outdated';
}

/** What the hover offers on an annotation, in order: the other verdicts, the review steps its state allows, then editing. */
export function annotationActions(annotation: Annotation, state: WorkflowState): AnnotationAction[] {
  return [
    ...(['verified', 'disputed', 'outdated'] as const).filter((s) => s !== annotation.status).map((status): AnnotationAction => ({ command: 'aiNews.setStatus', status })),
    ...(state === 'awaiting-review' || state === 'changes-requested' ? [{ command: 'aiNews.approveVerdict' as const }, { command: 'aiNews.requestChanges' as const }] : []),
    ...(state === 'in-progress' ? [] : [{ command: 'aiNews.startChecking' as const }]),
    { command: 'aiNews.editNote' },
    { command: 'aiNews.addEvidence' },
    ...(annotation.evidence?.length ? [{ command: 'aiNews.openEvidence' as const }] : []),
    { command: 'aiNews.addTag' },
    { command: 'aiNews.removeAnnotation' },
  ];
}

/** The links of a list of actions, joined as the hover shows them; `label` words each action. */
export function actionLinks<T extends { command: HoverCommand; status?: string }>(actions: readonly T[], args: object, label: (action: T) => string): string {
  return actions.map((action) => commandLink(label(action), action.command, action.status ? { ...args, status: action.status } : args)).join(' · ');
}
