/**
 * How the annotations tree sorts annotations into groups. Pure: the editor layer adds labels and icons.
 *
 * An annotation goes to its status's group unless its text is gone: orphans have their own group so
 * that they stay listed (and findable) until someone re-anchors or deletes them.
 */
import type { AnchorState, Status } from '../store/annotation';

export type GroupKey = Status | 'orphaned';

/** Group order: what needs a look first, orphans last (they have no place in the text to reveal). */
export const GROUP_ORDER: readonly GroupKey[] = ['disputed', 'outdated', 'unverifiable', 'in-progress', 'verified', 'orphaned'];

/** What the grouping needs to know about one annotation. */
export interface GroupableAnnotation {
  status: Status;
  state: AnchorState;
  /** Who checks it (version 2); absent when nobody was assigned. */
  assignee?: string;
}

/** The tree's first level: the article (then status groups), the status, or the assignee. */
export type Grouping = 'article' | 'status' | 'assignee';
export const GROUPINGS: readonly Grouping[] = ['article', 'status', 'assignee'];

/** The group an annotation is listed in. */
export function groupOf(item: GroupableAnnotation): GroupKey {
  return item.state === 'orphaned' ? 'orphaned' : item.status;
}

/**
 * True when the status filter lets the annotation through. Orphans always pass: a filter must not
 * hide annotations that have lost their text (they would otherwise be forgotten).
 */
export function passesFilter(item: GroupableAnnotation, filter: readonly Status[] | undefined): boolean {
  return filter === undefined || item.state === 'orphaned' || filter.includes(item.status);
}

/** True for annotations that need someone's attention: disputed, fuzzy or orphaned (counted once). */
export function needsAttention(item: GroupableAnnotation): boolean {
  return item.status === 'disputed' || item.state === 'fuzzy' || item.state === 'orphaned';
}

/** Counts the annotations that need attention. */
export function attentionCount(items: Iterable<GroupableAnnotation>): number {
  let count = 0;
  for (const item of items) if (needsAttention(item)) count += 1;
  return count;
}

/**
 * The non-empty groups of the items, in GROUP_ORDER; statuses it does not name (a team's own) come
 * before the orphans in first-seen order, never dropped. Items keep their order within a group.
 */
export function groupItems<T extends GroupableAnnotation>(items: readonly T[]): { key: GroupKey; items: T[] }[] {
  const byKey = groupByKey(items, groupOf);
  const others = [...byKey.keys()].filter((key) => !GROUP_ORDER.includes(key));
  const order = [...GROUP_ORDER.slice(0, -1), ...others, 'orphaned'];
  return order.filter((key) => byKey.has(key)).map((key) => ({ key, items: byKey.get(key) ?? [] }));
}

/** Items with a position first, by position; the ones without (orphans) after, in their given order. */
export function byPosition<T>(items: readonly T[], startOf: (item: T) => number | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, start: startOf(item) }))
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.index - b.index)
    .map(({ item }) => item);
}

/** Groups items by a key, keeping first-seen key order and item order. */
export function groupByKey<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The assignee groups of the items: people in alphabetical order, then the unassigned ones (key '')
 * — orphans included, since an assignee is not lost with the text. Items keep their order.
 */
export function groupByAssignee<T extends GroupableAnnotation>(items: readonly T[]): { key: string; items: T[] }[] {
  const byKey = groupByKey(items, (item) => item.assignee ?? '');
  const names = [...byKey.keys()].filter((key) => key !== '').sort((a, b) => a.localeCompare(b));
  if (byKey.has('')) names.push('');
  return names.map((key) => ({ key, items: byKey.get(key) ?? [] }));
}

/** The first-level groups of a grouping that groups first (status or assignee). */
export function groupsFor<T extends GroupableAnnotation>(items: readonly T[], grouping: Exclude<Grouping, 'article'>): { key: string; items: T[] }[] {
  return grouping === 'assignee' ? groupByAssignee(items) : groupItems(items);
}
