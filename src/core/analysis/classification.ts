/**
 * Scores of a yes/no classifier against gold labels: precision, recall and F1 of the positive
 * class, macro-F1 over both classes, and how well its probabilities are calibrated.
 */

export interface BinaryScores {
  /** true positives, false positives, false negatives, true negatives */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** F1 of the positive class. */
  f1: number;
  /** Mean of the positive and the negative class's F1. */
  macroF1: number;
}

function f1Of(tp: number, fp: number, fn: number): number {
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/** Counts and F1 figures of `predicted` against `gold` (same length, same order). */
export function binaryScores(predicted: readonly boolean[], gold: readonly boolean[]): BinaryScores {
  if (predicted.length !== gold.length) throw new Error(`binaryScores: ${predicted.length} predictions for ${gold.length} labels`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i]) {
      if (gold[i]) tp++;
      else fp++;
    } else if (gold[i]) fn++;
    else tn++;
  }
  const f1 = f1Of(tp, fp, fn);
  return {
    tp, fp, fn, tn,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    f1,
    macroF1: (f1 + f1Of(tn, fn, fp)) / 2,
  };
}

export interface ReliabilityBin {
  /** Lower edge of the bin; the bin holds probabilities in [from, from + width). */
  from: number;
  count: number;
  meanProbability: number;
  positiveRate: number;
}

/** Probabilities in equal-width bins, with how often each bin was really positive. */
export function reliabilityBins(probabilities: readonly number[], gold: readonly boolean[], bins = 10): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, () => ({ count: 0, probability: 0, positives: 0 }));
  for (let i = 0; i < probabilities.length; i++) {
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(probabilities[i] * bins)))];
    bin.count++;
    bin.probability += probabilities[i];
    if (gold[i]) bin.positives++;
  }
  return sums.map((s, k) => ({
    from: k / bins,
    count: s.count,
    meanProbability: s.count ? s.probability / s.count : 0,
    positiveRate: s.count ? s.positives / s.count : 0,
  }));
}

/** Expected calibration error: the count-weighted mean gap between predicted and observed rates per bin. */
export function expectedCalibrationError(probabilities: readonly number[], gold: readonly boolean[], bins = 10): number {
  if (!probabilities.length) return 0;
  let sum = 0;
  for (const bin of reliabilityBins(probabilities, gold, bins)) sum += bin.count * Math.abs(bin.meanProbability - bin.positiveRate);
  return sum / probabilities.length;
}
