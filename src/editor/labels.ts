/**
 * The words the editor shows for statuses, anchor states, review flags and finding kinds and types:
 * one place, so that the hover, the trees, the status bar and the commands say the same thing (in
 * English and German, through the l10n bundles).
 */
import * as vscode from 'vscode';
import type { EntityType, FindingKind, NumberType } from '../core/analysis/types';
import type { ReviewFlag } from '../core/review/reviewState';
import type { GroupKey } from '../core/sidebar/annotationGroups';
import type { AnchorState, Status } from '../core/store/annotation';
import type { TeamConfig } from '../core/team/team';
import { labelLanguage, statusHeading, statusInSentence } from '../core/labels/statusWords';
import type { WorkFilter } from '../core/team/myWork';
import type { WorkflowState } from '../core/team/workflow';
import type { Annotation } from '../core/store/annotation';

/**
 * "Verified", "Disputed", ..., "Orphaned" for the tree's group of orphans; a team-defined status by
 * its label in the UI language (with the team file), else by its id (never dropped).
 */
export function groupLabel(key: GroupKey | Status, team?: TeamConfig): string {
  return key === 'orphaned' ? vscode.l10n.t('Orphaned') : statusHeading(key, labelLanguage(vscode.env.language), team);
}

const WORKFLOW_LABEL: Record<WorkflowState, () => string> = {
  'in-progress': () => vscode.l10n.t('being checked'),
  'awaiting-review': () => vscode.l10n.t('awaiting review'),
  'changes-requested': () => vscode.l10n.t('changes requested'),
  final: () => vscode.l10n.t('final'),
};

/** Where a verdict stands in the team's workflow, inside a sentence. */
export function workflowLabel(state: WorkflowState): string {
  return WORKFLOW_LABEL[state]();
}

/** A verdict inside a sentence: "Mark {0}" → "Mark verified"; a team-defined status by its label (with the team file), else its id. */
export function verdictLabel(status: Status, team?: TeamConfig): string {
  return statusInSentence(status, labelLanguage(vscode.env.language), team);
}

/** "Disputed (3)". */
export function countedLabel(label: string, count: number): string {
  return vscode.l10n.t('{0} ({1})', label, count);
}

const FLAG_LABEL: Record<ReviewFlag, () => string> = {
  'needs re-check': () => vscode.l10n.t('needs re-check'),
  'article changed since review': () => vscode.l10n.t('article changed since review'),
};

export function flagLabel(flag: ReviewFlag): string {
  return FLAG_LABEL[flag]();
}

const STATE_LABEL: Record<AnchorState, () => string> = {
  exact: () => vscode.l10n.t('anchored'),
  moved: () => vscode.l10n.t('moved with the text'),
  fuzzy: () => vscode.l10n.t('text changed: needs a second look'),
  orphaned: () => vscode.l10n.t('orphaned: its text is gone'),
};

export function stateLabel(state: AnchorState): string {
  return STATE_LABEL[state]();
}

const KIND_LABEL: Record<FindingKind, () => string> = {
  number: () => vscode.l10n.t('Number'),
  entity: () => vscode.l10n.t('Entity'),
  claim: () => vscode.l10n.t('Claim'),
};

export function kindLabel(kind: FindingKind): string {
  return KIND_LABEL[kind]();
}

const NUMBER_TYPE_LABEL: Record<NumberType, () => string> = {
  money: () => vscode.l10n.t('money'),
  percent: () => vscode.l10n.t('percent'),
  date: () => vscode.l10n.t('date'),
  year: () => vscode.l10n.t('year'),
  quantity: () => vscode.l10n.t('quantity'),
  range: () => vscode.l10n.t('range'),
  rank: () => vscode.l10n.t('rank'),
  count: () => vscode.l10n.t('count'),
  version: () => vscode.l10n.t('version'),
  number: () => vscode.l10n.t('number'),
};

/** A number's type in the reader's language; an unknown type (a newer analyser) as it is. */
export function numberTypeLabel(type: NumberType): string {
  return NUMBER_TYPE_LABEL[type]?.() ?? type;
}

const ENTITY_TYPE_LABEL: Record<EntityType, () => string> = {
  org: () => vscode.l10n.t('organisation'),
  product: () => vscode.l10n.t('product'),
  person: () => vscode.l10n.t('person'),
  place: () => vscode.l10n.t('place'),
  outlet: () => vscode.l10n.t('outlet'),
  other: () => vscode.l10n.t('other'),
};

/** An entity's type in the reader's language; an unknown type as it is. */
export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABEL[type as EntityType]?.() ?? type;
}

/** An assignee group's name; '' is the group of claims nobody was assigned. */
export function assigneeLabel(assignee: string): string {
  return assignee === '' ? vscode.l10n.t('Unassigned') : assignee;
}

const WORK_FILTER_LABEL: Record<WorkFilter, () => string> = {
  'assigned-to-me': () => vscode.l10n.t('assigned to me'),
  'awaiting-my-review': () => vscode.l10n.t('awaiting my review'),
};

export function workFilterLabel(filter: WorkFilter): string {
  return WORK_FILTER_LABEL[filter]();
}

/**
 * Who reviewed which verdict and when, as plain text lines ("Approved by Ben on 2025-02-01 (verdict:
 * Disputed)", then the reviewer's note). The note comes from another person: callers render it inert.
 */
export function reviewLines(annotation: Annotation, team: TeamConfig): string[] {
  const review = annotation.review;
  if (!review) return [];
  const verdict = groupLabel(review.status, team);
  const day = review.at.slice(0, 10);
  const line = review.result === 'approved'
    ? vscode.l10n.t('Approved by {0} on {1} (verdict: {2})', review.by, day, verdict)
    : vscode.l10n.t('Changes requested by {0} on {1} (verdict: {2})', review.by, day, verdict);
  return review.note ? [line, vscode.l10n.t('Review note: {0}', review.note)] : [line];
}
