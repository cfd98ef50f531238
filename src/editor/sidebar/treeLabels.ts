/** Labels, icons and command arguments the sidebar trees and the status bar share. */
import * as vscode from 'vscode';
import { isBuiltInStatus, isClassicStatus, type AnchorState, type BuiltInStatus, type ClassicStatus, type Status } from '../../core/store/annotation';
import type { GroupKey } from '../../core/sidebar/annotationGroups';
import type { ReviewFlag } from '../placedAnnotation';

const GROUP_LABEL: Record<BuiltInStatus | 'orphaned', () => string> = {
  verified: () => vscode.l10n.t('Verified'),
  disputed: () => vscode.l10n.t('Disputed'),
  outdated: () => vscode.l10n.t('Outdated'),
  unverifiable: () => vscode.l10n.t('Unverifiable'),
  'in-progress': () => vscode.l10n.t('In progress'),
  orphaned: () => vscode.l10n.t('Orphaned'),
};

/** "Disputed", "Orphaned", ...; a team-defined status by its id (never dropped). */
export function groupLabel(key: GroupKey): string {
  return key === 'orphaned' || isBuiltInStatus(key) ? GROUP_LABEL[key as BuiltInStatus | 'orphaned']() : key;
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

const STATE_TOOLTIP: Record<AnchorState, () => string> = {
  exact: () => vscode.l10n.t('anchored'),
  moved: () => vscode.l10n.t('moved with the text'),
  fuzzy: () => vscode.l10n.t('text changed: needs a second look'),
  orphaned: () => vscode.l10n.t('orphaned: its text is gone'),
};

export function stateLabel(state: AnchorState): string {
  return STATE_TOOLTIP[state]();
}

const STATUS_ICON: Record<ClassicStatus, vscode.ThemeIcon> = {
  verified: new vscode.ThemeIcon('pass', new vscode.ThemeColor('aiNews.verifiedBorder')),
  disputed: new vscode.ThemeIcon('error', new vscode.ThemeColor('aiNews.disputedBorder')),
  outdated: new vscode.ThemeIcon('history', new vscode.ThemeColor('aiNews.outdatedBorder')),
};
/** Version-2 statuses (unverifiable, in progress, a team's own) until the editor gives them colours. */
const OTHER_STATUS_ICON = new vscode.ThemeIcon('circle-outline');
const FUZZY_ICON = new vscode.ThemeIcon('question', new vscode.ThemeColor('aiNews.fuzzyBorder'));
const ORPHANED_ICON = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('aiNews.fuzzyBorder'));

/** The icon of an annotation: its anchoring problem wins over its status (that is what needs doing). */
export function annotationIcon(status: Status, state: AnchorState): vscode.ThemeIcon {
  if (state === 'orphaned') return ORPHANED_ICON;
  if (state === 'fuzzy') return FUZZY_ICON;
  return isClassicStatus(status) ? STATUS_ICON[status] : OTHER_STATUS_ICON;
}

/** The icon of a group of annotations. */
export function groupIcon(key: GroupKey): vscode.ThemeIcon {
  return key === 'orphaned' ? ORPHANED_ICON : isClassicStatus(key) ? STATUS_ICON[key] : OTHER_STATUS_ICON;
}

/** The argument of `aiNews.revealFinding`: a span of an article, the URI as a string. */
export interface RevealFindingArgs {
  uri: string;
  start: number;
  end: number;
}

/** The command that reveals and selects a span of an article. */
export function revealFindingCommand(args: RevealFindingArgs, title = vscode.l10n.t('Show in the article')): vscode.Command {
  return { command: 'aiNews.revealFinding', title, arguments: [args] };
}

/** The 1-based line of an offset, for descriptions ("line 12"). */
export function lineLabel(document: vscode.TextDocument, offset: number): string {
  return vscode.l10n.t('line {0}', document.positionAt(offset).line + 1);
}

/** The open document of the URI, or the file loaded from disk; undefined when it cannot be read. */
export async function openIfReadable(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) return open;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}
