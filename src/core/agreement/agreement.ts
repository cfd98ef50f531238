/**
 * Agreement between checkers: which claims two or more people gave a verdict on independently, and
 * how often they agreed. Annotations by different authors on the same article are the same claim
 * when their spans overlap by IoU ≥ 0.5 (the measure the analysis evaluation uses); overlapping
 * annotations are joined into one claim. Statuses that are not verdicts ("in-progress") do not count.
 * A checker with two annotations on one claim counts with the latest one (by `modified`).
 */
import { compareStrings } from '../store/file';
import type { Annotation, Status } from '../store/annotation';
import { isVerdict, type TeamConfig } from '../team/team';
import { cohenKappa, krippendorffAlphaNominal } from './statistics';

/** The least span overlap (intersection over union) for two annotations to be the same claim. */
export const SAME_CLAIM_IOU = 0.5;

/** One doubly (or more) checked claim: its place and each checker's verdict. */
export interface CheckedClaim {
  article: string;
  start: number;
  end: number;
  quote: string;
  /** Checker → status, checkers in alphabetical order. */
  verdicts: Record<string, Status>;
}

export interface AgreementReport {
  /** Claims with verdicts from at least two checkers. */
  claims: number;
  /** Agreeing pairs of checkers among all pairs on those claims, in percent; null without any. */
  percentAgreement: number | null;
  /** Cohen's kappa per pair of checkers `"A|B"` (alphabetical), over the claims both checked. */
  kappa: Record<string, number | null>;
  /** Krippendorff's alpha (nominal) over all checkers and claims. */
  alpha: number | null;
  /** Per pair `"A|B"`: A's status → B's status → number of claims. */
  confusion: Record<string, Record<string, Record<string, number>>>;
  /** The claims themselves (for the human-readable report; not part of `--json`). */
  checked: CheckedClaim[];
}

/** Intersection over union of two spans; 0 when either is empty and they differ. */
export function spanIoU(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const intersection = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? (a.start === b.start ? 1 : 0) : intersection / union;
}

/** Annotations of one article joined into claims: connected groups of spans overlapping by IoU ≥ 0.5. */
function claimsOfArticle(annotations: readonly Annotation[]): Annotation[][] {
  const sorted = [...annotations].sort((a, b) => a.position.start - b.position.start || compareStrings(a.id, b.id));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < sorted.length; i += 1) {
    // Spans are sorted by start: once one starts after this one ends, none later overlaps it.
    for (let j = i + 1; j < sorted.length && sorted[j].position.start < sorted[i].position.end; j += 1) {
      if (spanIoU(sorted[i].position, sorted[j].position) >= SAME_CLAIM_IOU) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Annotation[]>();
  sorted.forEach((a, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  });
  return [...groups.values()];
}

/** Each checker's latest verdict on a claim. */
function verdictsOf(claim: readonly Annotation[]): Record<string, Status> {
  const latest = new Map<string, Annotation>();
  for (const a of claim) {
    const seen = latest.get(a.author);
    if (!seen || Date.parse(a.modified) > Date.parse(seen.modified) || (a.modified === seen.modified && compareStrings(a.id, seen.id) > 0)) latest.set(a.author, a);
  }
  const checkers = [...latest.keys()].sort(compareStrings);
  return Object.fromEntries(checkers.map((checker) => [checker, (latest.get(checker) as Annotation).status]));
}

/** The claims that two or more checkers gave a verdict on, in article and text order. */
export function doublyCheckedClaims(annotations: readonly Annotation[], team: TeamConfig): CheckedClaim[] {
  const byArticle = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (!isVerdict(team, a.status)) continue;
    byArticle.set(a.article, [...(byArticle.get(a.article) ?? []), a]);
  }
  const claims: CheckedClaim[] = [];
  for (const article of [...byArticle.keys()].sort(compareStrings)) {
    for (const claim of claimsOfArticle(byArticle.get(article) ?? [])) {
      const verdicts = verdictsOf(claim);
      if (Object.keys(verdicts).length < 2) continue;
      const first = claim[0];
      claims.push({ article, start: first.position.start, end: first.position.end, quote: first.quote.exact, verdicts });
    }
  }
  return claims;
}

/**
 * Agreement over the annotations: doubly-checked claims, percent agreement, Cohen's kappa per pair
 * of checkers, Krippendorff's alpha over all, and a confusion table per pair.
 */
export function measureAgreement(annotations: readonly Annotation[], team: TeamConfig): AgreementReport {
  const checked = doublyCheckedClaims(annotations, team);
  const pairs = new Map<string, [string, string][]>();
  let agreeing = 0;
  let total = 0;
  for (const claim of checked) {
    const checkers = Object.keys(claim.verdicts);
    for (let i = 0; i < checkers.length; i += 1) {
      for (let j = i + 1; j < checkers.length; j += 1) {
        const a = claim.verdicts[checkers[i]];
        const b = claim.verdicts[checkers[j]];
        const key = `${checkers[i]}|${checkers[j]}`;
        pairs.set(key, [...(pairs.get(key) ?? []), [a, b]]);
        total += 1;
        if (a === b) agreeing += 1;
      }
    }
  }
  const keys = [...pairs.keys()].sort(compareStrings);
  const kappa = Object.fromEntries(keys.map((key) => [key, cohenKappa(pairs.get(key) ?? [])]));
  const confusion = Object.fromEntries(keys.map((key) => [key, confusionTable(pairs.get(key) ?? [])]));
  return {
    claims: checked.length,
    percentAgreement: total === 0 ? null : (100 * agreeing) / total,
    kappa,
    alpha: krippendorffAlphaNominal(checked.map((claim) => Object.values(claim.verdicts))),
    confusion,
    checked,
  };
}

function confusionTable(pairs: readonly (readonly [string, string])[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  const rows = [...new Set(pairs.map(([a]) => a))].sort(compareStrings);
  for (const row of rows) table[row] = {};
  for (const [a, b] of [...pairs].sort((x, y) => compareStrings(x[1], y[1]))) table[a][b] = (table[a][b] ?? 0) + 1;
  return table;
}

/** Rounds the figures for printing (4 decimals; percent 2), keeping null. */
export function roundedAgreement(report: AgreementReport): Omit<AgreementReport, 'checked'> {
  const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
  return {
    claims: report.claims,
    percentAgreement: round(report.percentAgreement, 2),
    kappa: Object.fromEntries(Object.entries(report.kappa).map(([key, k]) => [key, round(k, 4)])),
    alpha: round(report.alpha, 4),
    confusion: report.confusion,
  };
}
