/** Icons and command arguments the sidebar trees share (their words are in ../labels). */
import * as vscode from 'vscode';
import { isClassicStatus, type AnchorState, type ClassicStatus, type Status } from '../../core/store/annotation';
import type { GroupKey } from '../../core/sidebar/annotationGroups';
import { refusalToOpen } from '../guardedOpen';

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

export const NUMBER_ICON = new vscode.ThemeIcon('symbol-number', new vscode.ThemeColor('aiNews.numberForeground'));
/** An entity mention. */
export const ENTITY_ICON = new vscode.ThemeIcon('symbol-field', new vscode.ThemeColor('aiNews.entityBorder'));
/** An entity with its mentions. */
export const ENTITY_CLASS_ICON = new vscode.ThemeIcon('symbol-class', new vscode.ThemeColor('aiNews.entityBorder'));

const PERSON_ICON = new vscode.ThemeIcon('person');
const UNASSIGNED_ICON = new vscode.ThemeIcon('circle-slash');

/** The icon of an assignee's group ('' for the unassigned). */
export function assigneeIcon(assignee: string): vscode.ThemeIcon {
  return assignee === '' ? UNASSIGNED_ICON : PERSON_ICON;
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

/** A 1-based line, for descriptions ("line 12"). */
export function lineLabel(line: number): string {
  return vscode.l10n.t('line {0}', line);
}

/** The open document of the URI, or the file loaded from disk; undefined when it cannot be read or is refused (see guardedOpen.ts). */
export async function openIfReadable(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) return open;
  try {
    if ((await refusalToOpen(uri)) !== undefined) return undefined;
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}
