/**
 * The markdown report: per article the verdict counts, each annotated claim with its quote,
 * status, note, evidence, author and date, then the claims nobody has reviewed yet.
 * All text from articles and notes is escaped: a note cannot inject links or HTML into the report.
 */
import { analyze } from '../analysis';
import type { ClaimFinding } from '../analysis/types';
import { STATUSES } from '../store/annotation';
import { DEFAULT_MAX_ARTICLE_AGE_DAYS, suggestOutdated } from '../review/reviewState';
import { isoDay } from '../review/dates';
import { escapeMarkdownInline, escapeMarkdownLines, safeHttpUrl } from './escape';
import { lineIndex, oneLine, STATUS_LABELS } from './labels';
import { prepareExport } from './prepare';
import type { ExportAnchor, ExportedAnnotation, ExportedArticle, ExportInput, ExportOptions } from './types';

interface ArticleSummary {
  counts: Record<string, number>;
  unreviewed: ClaimFinding[];
  possiblyOutdated: Set<ClaimFinding>;
}

const COUNT_COLUMNS = [
  ...STATUSES.map((status) => STATUS_LABELS[status]),
  'Needs re-check',
  'Article changed since review',
  'Unreviewed claims',
];

/**
 * Renders the markdown report.
 * @param input The workspace's articles and annotations.
 * @param options Which articles and statuses; the time and age limits for review flags.
 * @returns The report, ending in a newline.
 */
export function exportMarkdown(input: ExportInput, options: ExportOptions = {}): string {
  const { articles, now } = prepareExport(input, options);
  const maxArticleAgeDays = options.maxArticleAgeDays ?? DEFAULT_MAX_ARTICLE_AGE_DAYS;
  const summaries = articles.map((article) => summarise(article, now, maxArticleAgeDays));
  const total = articles.reduce((sum, article) => sum + article.annotations.length, 0);

  const out: string[] = ['# Fact-check report', ''];
  const facts = [`Generated ${isoDay(now)}`, `${articles.length} article${articles.length === 1 ? '' : 's'}`, `${total} annotation${total === 1 ? '' : 's'}`];
  if (input.reviewer) facts.push(`by ${escapeMarkdownInline(input.reviewer)}`);
  if (options.statuses) facts.push(`statuses: ${options.statuses.map((s) => STATUS_LABELS[s]).join(', ')}`);
  out.push(facts.join(' · '), '');
  if (articles.length > 1) out.push(...summaryTable(articles, summaries), '');
  articles.forEach((article, i) => out.push(...articleSection(article, summaries[i])));
  return withOneFinalNewline(out.join('\n'));
}

/** The text with its trailing line breaks replaced by one. (Not /\n+$/: quadratic on many line breaks in a note.) */
function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return `${text.slice(0, end)}\n`;
}

function summarise(article: ExportedArticle, now: Date, maxArticleAgeDays: number): ArticleSummary {
  const counts: Record<string, number> = Object.fromEntries(COUNT_COLUMNS.map((column) => [column, 0]));
  for (const { annotation, flags } of article.annotations) {
    counts[STATUS_LABELS[annotation.status]]++;
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

function summaryTable(articles: ExportedArticle[], summaries: ArticleSummary[]): string[] {
  const rows = articles.map((article, i) =>
    `| ${escapeMarkdownInline(article.path)} | ${COUNT_COLUMNS.map((column) => summaries[i].counts[column]).join(' | ')} |`,
  );
  return [`| Article | ${COUNT_COLUMNS.join(' | ')} |`, `| --- | ${COUNT_COLUMNS.map(() => '---:').join(' | ')} |`, ...rows];
}

function articleSection(article: ExportedArticle, summary: ArticleSummary): string[] {
  const out = [`## ${escapeMarkdownInline(article.path)}`, ''];
  out.push(`Article date: ${article.date ? escapeMarkdownInline(article.date) : 'unknown'}`, '');
  if (article.text === null) out.push('_The article text was not available: positions and unreviewed claims are missing._', '');
  out.push(`| ${COUNT_COLUMNS.join(' | ')} |`, `| ${COUNT_COLUMNS.map(() => '---:').join(' | ')} |`);
  out.push(`| ${COUNT_COLUMNS.map((column) => summary.counts[column]).join(' | ')} |`, '');

  const lineOf = lineIndex(article.text ?? '');
  if (article.annotations.length > 0) {
    out.push('### Annotated claims', '');
    article.annotations.forEach((exported, i) => out.push(...annotationEntry(exported, i + 1, lineOf)));
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

function annotationEntry(exported: ExportedAnnotation, number: number, lineOf: (offset: number) => number): string[] {
  const { annotation, anchor, flags, withheld } = exported;
  const heading = [STATUS_LABELS[annotation.status], ...flags].join(' · ');
  const out = [`#### ${number}. ${heading}`, '', `> ${escapeMarkdownInline(oneLine(annotation.quote.exact))}`, ''];
  if (withheld) out.push('_Note withheld (private)._', '');
  else if (annotation.note.trim()) out.push(`Note: ${escapeMarkdownLines(annotation.note.trim())}`, '');
  const evidence = (annotation.evidence ?? []).filter((item) => item.trim());
  if (evidence.length > 0) out.push(`Evidence: ${evidence.map(evidenceLink).join(', ')}`, '');
  const facts = [`By ${escapeMarkdownInline(annotation.author || 'unknown')}`, escapeMarkdownInline(annotation.modified.slice(0, 10))];
  if (anchor?.start !== undefined) facts.push(`line ${lineOf(anchor.start)}`);
  if (annotation.reviewBy) facts.push(`review by ${escapeMarkdownInline(annotation.reviewBy)}`);
  if (anchor && anchor.state !== 'exact') facts.push(anchorNote(anchor.state));
  out.push(facts.join(' · '), '');
  return out;
}

/** An http(s) evidence address as an autolink; anything else as escaped text. */
function evidenceLink(item: string): string {
  const url = safeHttpUrl(item);
  return url ? `<${url}>` : escapeMarkdownInline(item);
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
