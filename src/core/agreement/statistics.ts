/**
 * Agreement statistics on nominal categories (statuses): Cohen's kappa for two checkers and
 * Krippendorff's alpha for any number of checkers with missing values. Plain arithmetic, tested
 * against the worked examples of the literature.
 */

/**
 * Cohen's kappa: agreement of two raters beyond chance, (pₒ − pₑ) / (1 − pₑ).
 * @param pairs One `[first rater's category, second rater's category]` per item both rated.
 * @returns Kappa, or null when it is undefined: no items, or chance agreement is already 1 (both
 *   raters always used the one same category).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha for nominal data, 1 − Dₒ/Dₑ, computed from the coincidence matrix
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). Units with fewer than two
 * values are not pairable and are left out.
 * @param units Per unit (claim), the categories the raters gave it (one per rater who rated it).
 * @returns Alpha, or null when undefined: fewer than two pairable values, or only one category used
 *   (no disagreement is to be expected).
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): number | null {
  const coincidences = new Map<string, number>();
  let disagreement = 0;
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    // Each ordered pair of values from different raters counts 1/(m − 1).
    for (const [c, nc] of counts) {
      coincidences.set(c, (coincidences.get(c) ?? 0) + nc);
      disagreement += (nc * (m - nc)) / (m - 1);
    }
  }
  let n = 0;
  for (const nc of coincidences.values()) n += nc;
  if (n < 2) return null;
  let expectedPairs = n * n;
  for (const nc of coincidences.values()) expectedPairs -= nc * nc;
  if (expectedPairs === 0) return null;
  // 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
  return 1 - ((n - 1) * disagreement) / expectedPairs;
}
