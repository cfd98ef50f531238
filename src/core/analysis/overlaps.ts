/** Overlap tests between sorted lists of spans, in one sweep (a paragraph can hold thousands). */

export interface Stretch {
  start: number;
  end: number;
}

/**
 * The items that overlap none of the blockers. Both lists sorted by start, blockers not nested.
 * Linear in the two lengths.
 * @param blocks whether an overlapping blocker removes the item (every one does by default).
 */
export function withoutOverlaps<T extends Stretch, B extends Stretch>(
  items: readonly T[], blockers: readonly B[], blocks: (item: T, blocker: B) => boolean = () => true,
): T[] {
  const kept: T[] = [];
  let b = 0;
  for (const item of items) {
    while (b < blockers.length && blockers[b].end <= item.start) b++;
    let clash = false;
    for (let k = b; k < blockers.length && blockers[k].start < item.end; k++) {
      if (blockers[k].end > item.start && blocks(item, blockers[k])) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push(item);
  }
  return kept;
}
