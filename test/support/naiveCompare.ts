/** Length of the common prefix of two strings, compared character by character (the reference for the fast versions). */
export function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Length of the common suffix of two strings, at most `limit`, compared character by character. */
export function naiveSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
