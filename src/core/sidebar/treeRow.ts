/**
 * A sidebar tree's row as plain data: what the editor turns into a `vscode.TreeItem` (one function,
 * src/editor/sidebar/treeProvider.ts), so that the words, icons and commands of every row are decided
 * and tested in the core. Icons are codicon ids with a theme colour id from package.json.
 */
import { isClassicStatus, type AnchorState, type ClassicStatus, type Status } from '../store/annotation';
import type { L10n } from '../labels/l10n';
import type { GroupKey } from './annotationGroups';

/** A codicon with an optional theme colour; 'file' and 'folder' take the file icon theme's. */
export type RowIcon = { id: string; color?: string } | 'file' | 'folder';

/** A command a row runs when clicked. */
export interface RowCommand {
  command: string;
  title: string;
  arguments: unknown[];
}

export interface TreeRow {
  label: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  id?: string;
  description?: string;
  tooltip?: string;
  icon?: RowIcon;
  contextValue?: string;
  command?: RowCommand;
}

const STATUS_ICON: Record<ClassicStatus, RowIcon> = {
  verified: { id: 'pass', color: 'aiNews.verifiedBorder' },
  disputed: { id: 'error', color: 'aiNews.disputedBorder' },
  outdated: { id: 'history', color: 'aiNews.outdatedBorder' },
};
/** Version-2 statuses (unverifiable, in progress, a team's own) until the editor gives them colours. */
const OTHER_STATUS_ICON: RowIcon = { id: 'circle-outline' };
const FUZZY_ICON: RowIcon = { id: 'question', color: 'aiNews.fuzzyBorder' };
const ORPHANED_ICON: RowIcon = { id: 'debug-disconnect', color: 'aiNews.fuzzyBorder' };

export const NUMBER_ICON: RowIcon = { id: 'symbol-number', color: 'aiNews.numberForeground' };
/** An entity mention. */
export const ENTITY_ICON: RowIcon = { id: 'symbol-field', color: 'aiNews.entityBorder' };
/** An entity with its mentions. */
export const ENTITY_CLASS_ICON: RowIcon = { id: 'symbol-class', color: 'aiNews.entityBorder' };

/** The icon of an annotation: its anchoring problem wins over its status (that is what needs doing). */
export function annotationIcon(status: Status, state: AnchorState): RowIcon {
  if (state === 'orphaned') return ORPHANED_ICON;
  if (state === 'fuzzy') return FUZZY_ICON;
  return isClassicStatus(status) ? STATUS_ICON[status] : OTHER_STATUS_ICON;
}

/** The icon of an assignee's group ('' for the unassigned). */
export function assigneeIcon(assignee: string): RowIcon {
  return { id: assignee === '' ? 'circle-slash' : 'person' };
}

/** The icon of a group of annotations. */
export function groupIcon(key: GroupKey): RowIcon {
  return key === 'orphaned' ? ORPHANED_ICON : isClassicStatus(key) ? STATUS_ICON[key] : OTHER_STATUS_ICON;
}

/** The argument of `aiNews.revealFinding`: a span of an article, the URI as a string. */
export interface RevealFindingArgs {
  uri: string;
  start: number;
  end: number;
}

/** The command that reveals and selects a span of an article. */
export function revealFindingCommand(l10n: L10n, args: RevealFindingArgs): RowCommand {
  return { command: 'aiNews.revealFinding', title: l10n.t('Show in the article'), arguments: [args] };
}

/** A 1-based line, for descriptions ("line 12"). */
export function lineLabel(l10n: L10n, line: number): string {
  return l10n.t('line {0}', line);
}
