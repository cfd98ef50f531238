/**
 * The markdown report: per article the verdict counts, each annotated claim with its quote,
 * status, note, evidence, author and date, then the claims nobody has reviewed yet.
 * All text from articles and notes is escaped: a note cannot inject links or HTML into the report.
 */
import { analyze } from '../analysis';
import type { ClaimFinding } from '../analysis/types';
import { CLASSIC_STATUSES, evidenceUrl, STATUSES, type ClassicStatus, type Evidence, type Status } from '../store/annotation';
import { DEFAULT_MAX_ARTICLE_AGE_DAYS, suggestOutdated } from '../review/reviewState';
import { isoDay } from '../review/dates';
import type { TeamConfig } from '../team/team';
import { WORKFLOW_STATES } from '../team/workflow';
import { escapeMarkdownInline, escapeMarkdownLines, safeHttpUrl } from './escape';
import { lineIndex, oneLine, statusLabel, WORKFLOW_LABELS } from './labels';
import { discussionLines, reviewLine } from './markdownDiscussion';
import { measureAgreement } from '../agreement/agreement';
import { agreementSection } from './markdownAgreement';
import { prepareExport } from './prepare';
import type { ExportAnchor, ExportedAnnotation, ExportedArticle, ExportInput, ExportOptions } from './types';

interface ArticleSummary {
  counts: Record<string, number>;
  unreviewed: ClaimFinding[];
  possiblyOutdated: Set<ClaimFinding>;
}

/**
 * The count columns: version 1's three verdicts always; then the other statuses the selected
 * annotations use (built-in ones first, then the team file's in its order, then any it does not
 * define); then the review flags and unreviewed claims.
 */
function countColumns(articles: readonly ExportedArticle[], team: TeamConfig): string[] {
  const used = new Set<Status>(articles.flatMap((article) => article.annotations.map(({ annotation }) => annotation.status)));
  const known = [...STATUSES, ...team.statuses.map((s) => s.id)];
  const statuses = [...CLASSIC_STATUSES, ...known.filter((s) => used.has(s) && !CLASSIC_STATUSES.includes(s as ClassicStatus)), ...[...used].filter((s) => !known.includes(s))];
  return [...new Set(statuses)].map((status) => statusLabel(status, team)).concat('Needs re-check', 'Article changed since review', 'Unreviewed claims');
}

/**
 * Renders the markdown report.
 * @param input The workspace's articles and annotations.
 * @param options Which articles and statuses; the time and age limits for review flags.
 * @returns The report, ending in a newline.
 */
export function exportMarkdown(input: ExportInput, options: ExportOptions = {}): string {
  const { articles, now, team } = prepareExport(input, options);
  const maxArticleAgeDays = options.maxArticleAgeDays ?? DEFAULT_MAX_ARTICLE_AGE_DAYS;
  const columns = countColumns(articles, team);
  const summaries = articles.map((article) => summarise(article, now, maxArticleAgeDays, columns, team));
  const total = articles.reduce((sum, article) => sum + article.annotations.length, 0);

  const out: string[] = ['# Fact-check report', ''];
  const facts = [`Generated ${isoDay(now)}`, `${articles.length} article${articles.length === 1 ? '' : 's'}`, `${total} annotation${total === 1 ? '' : 's'}`];
  if (input.reviewer) facts.push(`by ${escapeMarkdownInline(input.reviewer)}`);
  if (options.statuses) facts.push(`statuses: ${options.statuses.map((s) => escapeMarkdownInline(statusLabel(s, team))).join(', ')}`);
  out.push(facts.join(' · '), '');
  if (articles.length > 1) out.push(...summaryTable(articles, summaries, columns), '');
  articles.forEach((article, i) => out.push(...articleSection(article, summaries[i], columns, team)));
  const agreement = measureAgreement(articles.flatMap((article) => article.annotations.map((exported) => exported.annotation)), team);
  if (agreement.claims > 0) out.push(...agreementSection(agreement, team));
  return withOneFinalNewline(out.join('\n'));
}

/** The text with its trailing line breaks replaced by one. (Not /\n+$/: quadratic on many line breaks in a note.) */
export function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return `${text.slice(0, end)}\n`;
}

function summarise(article: ExportedArticle, now: Date, maxArticleAgeDays: number, columns: string[], team: TeamConfig): ArticleSummary {
  const counts: Record<string, number> = Object.fromEntries(columns.map((column) => [column, 0]));
  for (const { annotation, flags } of article.annotations) {
    counts[statusLabel(annotation.status, team)]++;
    if (flags.includes('needs re-check')) counts['Needs re-check']++;
    if (flags.includes('article changed since review')) counts['Article changed since review']++;
  }
  if (article.text === null) return { counts, unreviewed: [], possiblyOutdated: new Set() };
  const analysis = article.analysis ?? analyze(article.text);
  const claims = analysis.findings.filter((f): f is ClaimFinding => f.kind === 'claim');
  const unreviewed = claims.filter((claim) => !article.allAnchors.some((anchor) => overlaps(anchor, claim))).sort((a, b) => a.start - b.start);
  counts['Unreviewed claims'] = unreviewed.length;
  const possiblyOutdated = new Set(suggestOutdated(analysis, article.date, now, maxArticleAgeDays));
  return { counts, unreviewed, possiblyOutdated };
}

function overlaps(anchor: ExportAnchor, claim: ClaimFinding): boolean {
  return anchor.start !== undefined && anchor.end !== undefined && anchor.start < claim.end && claim.start < anchor.end;
}

function summaryTable(articles: ExportedArticle[], summaries: ArticleSummary[], columns: string[]): string[] {
  const rows = articles.map((article, i) =>
    `| ${escapeMarkdownInline(article.path)} | ${columns.map((column) => summaries[i].counts[column]).join(' | ')} |`,
  );
  return [`| Article | ${columns.map(escapeMarkdownInline).join(' | ')} |`, `| --- | ${columns.map(() => '---:').join(' | ')} |`, ...rows];
}

function articleSection(article: ExportedArticle, summary: ArticleSummary, columns: string[], team: TeamConfig): string[] {
  const out = [`## ${escapeMarkdownInline(article.path)}`, ''];
  out.push(`Article date: ${article.date ? escapeMarkdownInline(article.date) : 'unknown'}`, '');
  if (article.text === null) out.push('_The article text was not available: positions and unreviewed claims are missing._', '');
  out.push(`| ${columns.map(escapeMarkdownInline).join(' | ')} |`, `| ${columns.map(() => '---:').join(' | ')} |`);
  out.push(`| ${columns.map((column) => summary.counts[column]).join(' | ')} |`, '');

  const lineOf = lineIndex(article.text ?? '');
  if (article.annotations.length > 0) {
    out.push('### Annotated claims', '');
    out.push(...workflowGroups(article.annotations, lineOf, team));
  }
  if (summary.unreviewed.length > 0) {
    out.push('### Unreviewed claims', '');
    for (const claim of summary.unreviewed) {
      const hint = summary.possiblyOutdated.has(claim)
        ? ` _(possibly outdated: ${claim.timeSensitive.map((w) => `“${escapeMarkdownInline(w)}”`).join(', ')})_`
        : '';
      out.push(`- Line ${lineOf(claim.start)}: ${escapeMarkdownInline(oneLine(claim.text))}${hint}`);
    }
    out.push('');
  }
  return out;
}

/**
 * The annotated claims grouped by workflow state (in progress, awaiting review, changes requested,
 * final), numbered through; when every verdict is final (no second review, nothing in progress) the
 * list is not split, as before version 2.
 */
function workflowGroups(annotations: readonly ExportedAnnotation[], lineOf: (offset: number) => number, team: TeamConfig): string[] {
  const out: string[] = [];
  let number = 0;
  const split = annotations.some((exported) => exported.workflow !== 'final');
  for (const state of WORKFLOW_STATES) {
    const group = annotations.filter((exported) => exported.workflow === state);
    if (group.length === 0) continue;
    if (split) out.push(`**${WORKFLOW_LABELS[state]} (${group.length})**`, '');
    for (const exported of group) out.push(...annotationEntry(exported, (number += 1), lineOf, team));
  }
  return out;
}

function annotationEntry(exported: ExportedAnnotation, number: number, lineOf: (offset: number) => number, team: TeamConfig): string[] {
  const { annotation, anchor, flags, withheld } = exported;
  const heading = [escapeMarkdownInline(statusLabel(annotation.status, team)), ...flags].join(' · ');
  const out = [`#### ${number}. ${heading}`, '', `> ${escapeMarkdownInline(oneLine(annotation.quote.exact))}`, ''];
  if (withheld) out.push('_Note withheld (private)._', '');
  else if (annotation.note.trim()) out.push(`Note: ${escapeMarkdownLines(annotation.note.trim())}`, '');
  const evidence = (annotation.evidence ?? []).filter((item) => evidenceUrl(item).trim());
  if (evidence.length > 0) out.push(`Evidence: ${evidence.map(evidenceLink).join(', ')}`, '');
  const facts = [`By ${escapeMarkdownInline(annotation.author || 'unknown')}`, escapeMarkdownInline(annotation.modified.slice(0, 10))];
  if (anchor?.start !== undefined) facts.push(`line ${lineOf(anchor.start)}`);
  if (annotation.reviewBy) facts.push(`review by ${escapeMarkdownInline(annotation.reviewBy)}`);
  if (annotation.assignee) facts.push(`assigned to ${escapeMarkdownInline(annotation.assignee)}`);
  if (annotation.tags?.length) facts.push(`tags: ${annotation.tags.map(escapeMarkdownInline).join(', ')}`);
  if (anchor && anchor.state !== 'exact') facts.push(anchorNote(anchor.state));
  out.push(facts.join(' · '), '');
  const review = reviewLine(annotation, team);
  if (review) out.push(review, '');
  out.push(...discussionLines(annotation));
  return out;
}

/** An http(s) evidence address as an autolink (with its title, and the archived copy's hash and time); anything else as escaped text. */
function evidenceLink(item: Evidence): string {
  const address = evidenceUrl(item);
  const url = safeHttpUrl(address);
  const link = url ? `<${url}>` : escapeMarkdownInline(address);
  if (typeof item === 'string') return link;
  const title = item.title ? `${escapeMarkdownInline(item.title)} ` : '';
  const archive = item.archive ? ` (archived ${escapeMarkdownInline(item.archive.fetched.slice(0, 10))}, sha256 ${item.archive.sha256.slice(0, 12)}…)` : '';
  return `${title}${link}${archive}`;
}

function anchorNote(state: ExportAnchor['state']): string {
  switch (state) {
    case 'moved':
      return 'quote moved in the text';
    case 'fuzzy':
      return 'quote found only approximately';
    case 'orphaned':
      return 'quote no longer found in the article';
    default:
      return state;
  }
}
