/**
 * The words the editor shows for statuses, anchor states, review flags, finding kinds and types, and
 * a claim's reasons: one place, so that the hover, the trees, the status bar and the commands say the
 * same thing (in English and German, through the l10n bundles). The editor builds them once with
 * `vscode.l10n` and VS Code's display language (src/editor/labels.ts); tests with any translator.
 */
import type { ClaimFinding, EntityType, FindingKind, NumberType } from '../analysis/types';
import type { ReviewFlag } from '../review/reviewState';
import type { GroupKey } from '../sidebar/annotationGroups';
import type { Annotation, AnchorState, Status } from '../store/annotation';
import type { WorkFilter } from '../team/myWork';
import type { TeamConfig } from '../team/team';
import type { WorkflowState } from '../team/workflow';
import { claimReasonText } from './claimReasons';
import type { L10n } from './l10n';
import { labelLanguage, statusHeading, statusInSentence } from './statusWords';

export type { L10n } from './l10n';

const WORKFLOW_LABEL: Record<WorkflowState, (l10n: L10n) => string> = {
  'in-progress': (l10n) => l10n.t('being checked'),
  'awaiting-review': (l10n) => l10n.t('awaiting review'),
  'changes-requested': (l10n) => l10n.t('changes requested'),
  final: (l10n) => l10n.t('final'),
};

const FLAG_LABEL: Record<ReviewFlag, (l10n: L10n) => string> = {
  'needs re-check': (l10n) => l10n.t('needs re-check'),
  'article changed since review': (l10n) => l10n.t('article changed since review'),
};

const STATE_LABEL: Record<AnchorState, (l10n: L10n) => string> = {
  exact: (l10n) => l10n.t('anchored'),
  moved: (l10n) => l10n.t('moved with the text'),
  fuzzy: (l10n) => l10n.t('text changed: needs a second look'),
  orphaned: (l10n) => l10n.t('orphaned: its text is gone'),
};

const KIND_LABEL: Record<FindingKind, (l10n: L10n) => string> = {
  number: (l10n) => l10n.t('Number'),
  entity: (l10n) => l10n.t('Entity'),
  claim: (l10n) => l10n.t('Claim'),
};

const NUMBER_TYPE_LABEL: Record<NumberType, (l10n: L10n) => string> = {
  money: (l10n) => l10n.t('money'),
  percent: (l10n) => l10n.t('percent'),
  date: (l10n) => l10n.t('date'),
  year: (l10n) => l10n.t('year'),
  quantity: (l10n) => l10n.t('quantity'),
  range: (l10n) => l10n.t('range'),
  rank: (l10n) => l10n.t('rank'),
  count: (l10n) => l10n.t('count'),
  version: (l10n) => l10n.t('version'),
  number: (l10n) => l10n.t('number'),
};

const ENTITY_TYPE_LABEL: Record<EntityType, (l10n: L10n) => string> = {
  org: (l10n) => l10n.t('organisation'),
  product: (l10n) => l10n.t('product'),
  person: (l10n) => l10n.t('person'),
  place: (l10n) => l10n.t('place'),
  outlet: (l10n) => l10n.t('outlet'),
  other: (l10n) => l10n.t('other'),
};

const WORK_FILTER_LABEL: Record<WorkFilter, (l10n: L10n) => string> = {
  'assigned-to-me': (l10n) => l10n.t('assigned to me'),
  'awaiting-my-review': (l10n) => l10n.t('awaiting my review'),
};

/** The words in one UI language; `l10n` and `locale` for the parts that word more themselves. */
export interface Words {
  readonly l10n: L10n;
  /** The UI language as VS Code names it ("de", "en-GB"): numbers are written in it. */
  readonly locale: string;
  /**
   * "Verified", "Disputed", ..., "Orphaned" for the tree's group of orphans; a team-defined status by
   * its label in the UI language (with the team file), else by its id (never dropped).
   */
  groupLabel(key: GroupKey | Status, team?: TeamConfig): string;
  /** Where a verdict stands in the team's workflow, inside a sentence. */
  workflowLabel(state: WorkflowState): string;
  /** A verdict inside a sentence: "Mark {0}" → "Mark verified"; a team-defined status by its label (with the team file), else its id. */
  verdictLabel(status: Status, team?: TeamConfig): string;
  /** "Disputed (3)". */
  countedLabel(label: string, count: number): string;
  flagLabel(flag: ReviewFlag): string;
  stateLabel(state: AnchorState): string;
  kindLabel(kind: FindingKind): string;
  /** A number's type in the reader's language; an unknown type (a newer analyser) as it is. */
  numberTypeLabel(type: NumberType): string;
  /** An entity's type in the reader's language; an unknown type as it is. */
  entityTypeLabel(type: string): string;
  /** An assignee group's name; '' is the group of claims nobody was assigned. */
  assigneeLabel(assignee: string): string;
  workFilterLabel(filter: WorkFilter): string;
  /**
   * Who reviewed which verdict and when, as plain text lines ("Approved by Ben on 2025-02-01 (verdict:
   * Disputed)", then the reviewer's note). The note comes from another person: callers render it inert.
   */
  reviewLines(annotation: Annotation, team: TeamConfig): string[];
  /** All reasons of a claim, translated and joined. */
  claimReasonsText(claim: ClaimFinding, separator: string): string;
}

/** The words in the language of `l10n` (VS Code's `vscode.l10n`) and `locale` (VS Code's `env.language`). */
export function wordsFor(l10n: L10n, locale: string): Words {
  const language = labelLanguage(locale);
  const groupLabel = (key: GroupKey | Status, team?: TeamConfig): string => (key === 'orphaned' ? l10n.t('Orphaned') : statusHeading(key, language, team));
  return {
    l10n,
    locale,
    groupLabel,
    workflowLabel: (state) => WORKFLOW_LABEL[state](l10n),
    verdictLabel: (status, team) => statusInSentence(status, language, team),
    countedLabel: (label, count) => l10n.t('{0} ({1})', label, count),
    flagLabel: (flag) => FLAG_LABEL[flag](l10n),
    stateLabel: (state) => STATE_LABEL[state](l10n),
    kindLabel: (kind) => KIND_LABEL[kind](l10n),
    numberTypeLabel: (type) => NUMBER_TYPE_LABEL[type]?.(l10n) ?? type,
    entityTypeLabel: (type) => ENTITY_TYPE_LABEL[type as EntityType]?.(l10n) ?? type,
    assigneeLabel: (assignee) => (assignee === '' ? l10n.t('Unassigned') : assignee),
    workFilterLabel: (filter) => WORK_FILTER_LABEL[filter](l10n),
    reviewLines: (annotation, team) => {
      const review = annotation.review;
      if (!review) return [];
      const verdict = groupLabel(review.status, team);
      const day = review.at.slice(0, 10);
      const line = review.result === 'approved'
        ? l10n.t('Approved by {0} on {1} (verdict: {2})', review.by, day, verdict)
        : l10n.t('Changes requested by {0} on {1} (verdict: {2})', review.by, day, verdict);
      return review.note ? [line, l10n.t('Review note: {0}', review.note)] : [line];
    },
    claimReasonsText: (claim, separator) => claim.signals.map((reason) => claimReasonText(l10n, reason)).join(separator),
  };
}
