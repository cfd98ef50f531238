/** The Annotations view's multi-value filters (tags, authors) as a pick sets them. */

/** What the filter becomes: ticking every value, or none, shows everything (undefined: the filter is off). */
export function narrowedFilter<T>(picked: readonly T[], all: readonly T[]): T[] | undefined {
  return picked.length === 0 || all.every((v) => picked.includes(v)) ? undefined : [...picked];
}
