/**
 * The words the editor shows for statuses, anchor states, review flags and finding kinds and types:
 * one place, so that the hover, the trees, the status bar and the commands say the same thing (in
 * English and German, through the l10n bundles).
 */
import * as vscode from 'vscode';
import type { EntityType, FindingKind, NumberType } from '../core/analysis/types';
import type { ReviewFlag } from '../core/review/reviewState';
import type { GroupKey } from '../core/sidebar/annotationGroups';
import { isBuiltInStatus, type AnchorState, type BuiltInStatus, type Status } from '../core/store/annotation';

const GROUP_LABEL: Record<BuiltInStatus | 'orphaned', () => string> = {
  verified: () => vscode.l10n.t('Verified'),
  disputed: () => vscode.l10n.t('Disputed'),
  outdated: () => vscode.l10n.t('Outdated'),
  unverifiable: () => vscode.l10n.t('Unverifiable'),
  'in-progress': () => vscode.l10n.t('In progress'),
  orphaned: () => vscode.l10n.t('Orphaned'),
};

/** "Verified", "Disputed", ..., "Orphaned" for the tree's group of orphans; a team-defined status by its id (never dropped). */
export function groupLabel(key: GroupKey | Status): string {
  return key === 'orphaned' || isBuiltInStatus(key) ? GROUP_LABEL[key as BuiltInStatus | 'orphaned']() : key;
}

const VERDICT_LABEL: Record<BuiltInStatus, () => string> = {
  verified: () => vscode.l10n.t('verified'),
  disputed: () => vscode.l10n.t('disputed'),
  outdated: () => vscode.l10n.t('outdated'),
  unverifiable: () => vscode.l10n.t('unverifiable'),
  'in-progress': () => vscode.l10n.t('in progress'),
};

/** A verdict inside a sentence: "Mark {0}" → "Mark verified"; a team-defined status by its id. */
export function verdictLabel(status: Status): string {
  return isBuiltInStatus(status) ? VERDICT_LABEL[status]() : status;
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
