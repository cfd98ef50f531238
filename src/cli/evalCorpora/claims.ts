/**
 * The claim corpora scored as sentence (or comment) classification: a text is predicted
 * check-worthy when one of its sentences is found as a claim at the threshold. Prints positive-class
 * F1, macro-F1, the F1 of answering "yes" to every text, and the calibration of the scores.
 *
 * Sets: ClaimBuster crowdsourced dev (English, data/corpora/claims) and, for development
 * measurements only, the GermEval 2021 fact-claiming comments (German) from the shared
 * research-use folder, when it exists. That set has no licence: it is read in place, never copied.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type ClaimScorer, type Lexicon } from '../../core/analysis';
import { binaryScores, expectedCalibrationError, type BinaryScores } from '../../core/analysis/classification';
import { readJsonl, type ClaimRecord } from '../../train/corpora';

export interface ClaimSet {
  name: string;
  records: ClaimRecord[];
}

export interface ClaimSetScore {
  name: string;
  /** Which scorer: "model" or "rules". */
  scorer: string;
  threshold: number;
  scores: BinaryScores;
  alwaysYes: BinaryScores;
  calibrationError: number;
}

const RESEARCH_USE_FILE = 'germeval2021-factclaiming-train.de.jsonl';

/** The research-use folder: AINEWS_RESEARCH_USE, else ../shared/corpora/research-use next to the repository or its worktree folder. */
export function researchUseDir(root: string): string | null {
  const candidates = [
    process.env.AINEWS_RESEARCH_USE,
    join(root, '..', 'shared', 'corpora', 'research-use'),
    join(root, '..', '..', 'shared', 'corpora', 'research-use'),
  ];
  for (const dir of candidates) if (dir && existsSync(join(dir, RESEARCH_USE_FILE))) return dir;
  return null;
}

/** The claim dev sets that exist here, and a note for each one skipped. */
export function claimDevSets(root: string): { sets: ClaimSet[]; notes: string[] } {
  const sets: ClaimSet[] = [];
  const notes: string[] = [];
  const claimBuster = join(root, 'data', 'corpora', 'claims', 'claimbuster-crowdsourced-dev.en.jsonl');
  if (existsSync(claimBuster)) sets.push({ name: 'ClaimBuster crowdsourced dev (English debates, check-worthy)', records: readJsonl<ClaimRecord>(claimBuster) });
  else notes.push(`skipped ClaimBuster dev: ${claimBuster} not found`);
  const research = researchUseDir(root);
  if (research) {
    sets.push({ name: 'GermEval 2021 fact-claiming train (German comments; research use, measurement only)', records: readJsonl<ClaimRecord>(join(research, RESEARCH_USE_FILE)) });
  } else {
    notes.push('skipped GermEval 2021 fact-claiming: no research-use folder (set AINEWS_RESEARCH_USE to measure German claims)');
  }
  return { sets, notes };
}

/** The highest claim score among a text's sentences (0 when it has none). */
export function textClaimScore(text: string, lexicon: Lexicon, claimScorer?: ClaimScorer): number {
  let best = 0;
  for (const f of analyze(text, { lexicon, claimThreshold: 0, claimScorer }).findings) if (f.kind === 'claim' && f.score > best) best = f.score;
  return best;
}

/** Scores one set at `threshold` with `claimScorer` (default: the shipped model). */
export function scoreClaimSet(set: ClaimSet, lexicon: Lexicon, threshold: number, scorer?: { name: string; claimScorer: ClaimScorer }): ClaimSetScore {
  const gold = set.records.map((r) => r.label === 1);
  const probabilities = set.records.map((r) => textClaimScore(r.text, lexicon, scorer?.claimScorer));
  return {
    name: set.name,
    scorer: scorer?.name ?? 'model',
    threshold,
    scores: binaryScores(probabilities.map((p) => p >= threshold), gold),
    alwaysYes: binaryScores(gold.map(() => true), gold),
    calibrationError: expectedCalibrationError(probabilities, gold),
  };
}

function percent(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

/** The table `npm run eval` prints for the claim sets. */
export function claimSetTable(results: ClaimSetScore[], notes: string[]): string {
  const lines = ['claim corpora as sentence classification (claim if any sentence scores >= threshold)'];
  lines.push('  set                                                  scorer  texts  pos  threshold  precision  recall  F1(pos)  macro-F1  always-yes F1  ECE');
  for (const r of results) {
    const s = r.scores;
    const texts = s.tp + s.fp + s.fn + s.tn;
    lines.push(`  ${r.name.slice(0, 52).padEnd(52)} ${r.scorer.padStart(6)} ${String(texts).padStart(6)} ${String(s.tp + s.fn).padStart(4)}  ${r.threshold.toFixed(2).padStart(9)}      ${percent(s.precision)}   ${percent(s.recall)}    ${percent(s.f1)}     ${percent(s.macroF1)}          ${percent(r.alwaysYes.f1)}  ${r.calibrationError.toFixed(3)}`);
  }
  for (const note of notes) lines.push(`  (${note})`);
  return lines.join('\n');
}
