/**
 * The markdown report's section on agreement between checkers; `report --agreement` prints it alone.
 */
import type { AgreementReport } from '../agreement/agreement';
import type { TeamConfig } from '../team/team';
import { escapeMarkdownInline } from './escape';
import { oneLine, statusLabel } from './labels';

const format = (x: number | null, digits: number): string => (x === null ? 'n/a' : x.toFixed(digits));

/**
 * The section: how many claims were checked by two or more people, percent agreement, Krippendorff's
 * alpha, Cohen's kappa and a confusion table per pair of checkers, and the claims they disagree on.
 */
export function agreementSection(report: AgreementReport, team: TeamConfig): string[] {
  const out = ['## Agreement between checkers', ''];
  if (report.claims === 0) {
    out.push('No claim has verdicts from two different checkers yet (annotations on the same words, span overlap IoU ≥ 0.5).', '');
    return out;
  }
  out.push(
    `${report.claims} claim${report.claims === 1 ? '' : 's'} checked by two or more people · percent agreement ${format(report.percentAgreement, 1)} % · Krippendorff's alpha (nominal) ${format(report.alpha, 3)}`,
    '',
  );
  for (const [pair, table] of Object.entries(report.confusion)) {
    const [a, b] = pair.split('|');
    out.push(`### ${escapeMarkdownInline(a)} and ${escapeMarkdownInline(b)}: Cohen's kappa ${format(report.kappa[pair], 3)}`, '');
    const columns = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
    out.push(`| ${escapeMarkdownInline(a)} ↓ / ${escapeMarkdownInline(b)} → | ${columns.map((c) => escapeMarkdownInline(statusLabel(c, team))).join(' | ')} |`);
    out.push(`| --- | ${columns.map(() => '---:').join(' | ')} |`);
    for (const [row, counts] of Object.entries(table)) {
      out.push(`| ${escapeMarkdownInline(statusLabel(row, team))} | ${columns.map((c) => counts[c] ?? 0).join(' | ')} |`);
    }
    out.push('');
  }
  const disagreements = report.checked.filter((claim) => new Set(Object.values(claim.verdicts)).size > 1);
  if (disagreements.length > 0) {
    out.push('### Claims the checkers disagree on', '');
    for (const claim of disagreements) {
      const verdicts = Object.entries(claim.verdicts).map(([who, status]) => `${escapeMarkdownInline(who)}: ${escapeMarkdownInline(statusLabel(status, team))}`);
      out.push(`- ${escapeMarkdownInline(claim.article)}: “${escapeMarkdownInline(oneLine(claim.quote))}” — ${verdicts.join(', ')}`);
    }
    out.push('');
  }
  return out;
}
