/**
 * What the status bar item says about the active article: how many of its claims have a verdict and
 * what needs a look, and across the folder what awaits you (claims assigned to you, verdicts awaiting
 * your review). Worded here from the article's snapshot; the editor only shows it.
 */
import type { L10n } from '../labels/l10n';
import type { ArticleSnapshot } from '../session/articleSession';
import type { ArticleSummary } from '../sidebar/findingGroups';

/** What awaits me in the folder (see core/team/myWork). */
export interface WorkCounts {
  assigned: number;
  toReview: number;
}

export interface StatusBarContent {
  text: string;
  tooltip: string;
  /** Shown on the warning background (the article is too large to analyse). */
  warning: boolean;
}

/**
 * The item for an article's snapshot.
 * @param why why the document is treated as an article, in words (see ArticleRegistry.reason).
 * @param work what awaits me in its folder; undefined while my name is not known yet.
 */
export function statusBarContent(
  l10n: L10n,
  snapshot: Pick<ArticleSnapshot, 'analysis' | 'summary'>,
  why: string,
  maxArticleSizeBytes: number,
  work: WorkCounts | undefined,
): StatusBarContent {
  return withWork(l10n, articleContent(l10n, snapshot, l10n.t('Treated as an article because: {0}', why), maxArticleSizeBytes), work);
}

function articleContent(l10n: L10n, snapshot: Pick<ArticleSnapshot, 'analysis' | 'summary'>, reason: string, maxArticleSizeBytes: number): StatusBarContent {
  if (!snapshot.analysis) return tooLargeContent(l10n, maxArticleSizeBytes, reason);
  const summary = snapshot.summary;
  if (!summary) {
    // Counts of a half-analysed article would mislead; the item updates when the analysis is done.
    return { text: `$(sync~spin) ${l10n.t('AI News: analysing…')}`, tooltip: [l10n.t('The article is being analysed.'), '', reason].join('\n'), warning: false };
  }
  return { text: summaryText(l10n, summary), tooltip: [...summaryDetails(l10n, summary), '', reason, l10n.t('Click to open the AI News sidebar.')].join('\n'), warning: false };
}

/** Adds what awaits me to the item: "· $(account) 3 for you", and the detail in the tooltip. */
function withWork(l10n: L10n, content: StatusBarContent, counts: WorkCounts | undefined): StatusBarContent {
  if (!counts || counts.assigned + counts.toReview === 0) return content;
  const lines = [
    ...(counts.assigned > 0 ? [l10n.t('Assigned to you, not final: {0}', counts.assigned)] : []),
    ...(counts.toReview > 0 ? [l10n.t('Awaiting your review: {0}', counts.toReview)] : []),
  ];
  return {
    text: `${content.text} · $(account) ${l10n.t('{0} for you', counts.assigned + counts.toReview)}`,
    tooltip: [...lines, '', content.tooltip].join('\n'),
    warning: content.warning,
  };
}

function tooLargeContent(l10n: L10n, maxArticleSizeBytes: number, reason: string): StatusBarContent {
  const limitKB = Math.round(maxArticleSizeBytes / 1024);
  const tooltip = [
    l10n.t('This article is larger than {0} KB, the limit set by aiNews.maxArticleSizeKB.', limitKB),
    l10n.t('Claims, numbers and entities are not highlighted; annotations still work.'),
    '',
    reason,
  ].join('\n');
  return { text: `$(warning) ${l10n.t('AI News: too large to analyse')}`, tooltip, warning: true };
}

function summaryText(l10n: L10n, s: ArticleSummary): string {
  const parts = [
    `$(checklist) ${l10n.t('{0}/{1} claims reviewed', s.reviewedClaims, s.claims)}`,
    l10n.t('{0} disputed', s.disputed),
  ];
  if (s.needsRecheck > 0) parts.push(s.needsRecheck === 1 ? l10n.t('1 needs re-check') : l10n.t('{0} need re-check', s.needsRecheck));
  return parts.join(' · ');
}

function summaryDetails(l10n: L10n, s: ArticleSummary): string[] {
  const lines = [
    s.claims === 1 ? l10n.t('{0} of 1 claim has a verdict', s.reviewedClaims) : l10n.t('{0} of {1} claims have a verdict', s.reviewedClaims, s.claims),
    l10n.t('Verdicts: {0} verified, {1} disputed, {2} outdated', s.verified, s.disputed, s.outdated),
  ];
  if (s.needsRecheck > 0) {
    lines.push(s.needsRecheck === 1
      ? l10n.t('1 needs re-check (review date passed or verification too old)')
      : l10n.t('{0} need re-check (review date passed or verification too old)', s.needsRecheck));
  }
  if (s.articleChanged > 0) lines.push(l10n.t('{0} made before the article last changed', s.articleChanged));
  if (s.fuzzy > 0) lines.push(s.fuzzy === 1 ? l10n.t('1 whose text changed: needs a second look') : l10n.t('{0} whose text changed: need a second look', s.fuzzy));
  if (s.orphaned > 0) lines.push(l10n.t('{0} orphaned: their text is gone', s.orphaned));
  return lines;
}
