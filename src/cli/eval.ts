/**
 * `npm run eval`: scores the analysis engine against hand labels and prints precision, recall
 * and F1 per kind (numbers, entities, claims), per set and overall.
 *
 *   node dist/eval.js [--verbose] [--set NAME] [--labels DIR --texts DIR] [--no-corpora] [--threshold P] [--feedback FILE]
 *
 * Sets: "seeds" (test/fixtures/gold/labels + seeds/), "own passages" (test/fixtures/analysis/passages)
 * and "held-out passages" (test/fixtures/analysis/heldout, written without looking at the engine's
 * output and not used for tuning), both in the annotated master format of the guidelines;
 * "numbers": the number-expression set (test/fixtures/numbers), recall by kind; "corpora" (the NER
 * and claim dev splits of data/corpora, see evalCorpora/). `--labels DIR --texts DIR` scores any other folder of
 * gold JSON labels (`{source, numbers, entities, claims}`) against the texts they name.
 * Then the claim corpora's dev sets as sentence classification (evalCorpora/claims.ts) at the
 * claim threshold (`--threshold P`; `--no-corpora` skips them).
 * The team's corrections are honoured as in the editor and `scan`: `--feedback FILE`, else the
 * nearest `.ainews/feedback.json` above the current folder (corrections apply to the gold articles
 * they name, so a team scores the detector it actually uses).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultLexicon, NO_MODELS, shippedModels, type Models } from '../core/analysis';
import type { Finding, FindingKind } from '../core/analysis';
import { scoreSpans, sumScores, KIND_LABELS, type KindScore } from '../core/analysis/scoring';
import { readAnnotatedSet, readJsonSet, type Article } from './goldSets';
import { DEFAULT_CLAIM_THRESHOLD, RULE_SCORER } from '../core/analysis/claims';
import { evalNumberSet } from './evalCorpora/numbers';
import { evaluateNerDevSets } from './evalCorpora/ner';
import type { Correction } from '../core/feedback';
import { correctionsForFile, loadFeedback, type LoadedFeedback } from './feedbackFile';

/** The threshold the hand-written rules were tuned to (their score is not a probability). */
const RULE_THRESHOLD = 0.45;
import { claimDevSets, claimSetTable, scoreClaimSet } from './evalCorpora/claims';

function percent(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}

const KINDS: FindingKind[] = ['number', 'entity', 'claim'];

function table(title: string, scores: Record<FindingKind, KindScore>): string {
  const lines = [`${title}`, '  kind      gold  found  hits  precision  recall     F1'];
  for (const kind of KINDS) {
    const s = scores[kind];
    lines.push(`  ${kind.padEnd(8)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(6)} ${String(s.hits).padStart(5)}      ${percent(s.precision)}   ${percent(s.recall)}  ${percent(s.f1)}`);
  }
  return lines.join('\n');
}

function scoreArticle(article: Article, verbose: boolean, lexicon: ReturnType<typeof defaultLexicon>, feedback: Correction[]): Record<FindingKind, KindScore> {
  const analysis = analyze(article.text, { lexicon, feedback });
  const result = {} as Record<FindingKind, KindScore>;
  for (const kind of KINDS) {
    const found = analysis.findings.filter((f: Finding) => f.kind === kind);
    result[kind] = scoreSpans(found, article.gold[KIND_LABELS[kind]]);
    if (verbose) {
      const show = (s: { start: number; end: number }) => JSON.stringify(article.text.slice(s.start, s.end).slice(0, 100));
      for (const m of result[kind].missed) console.log(`  ${article.name} ${kind} MISSED   ${show(m)}`);
      for (const m of result[kind].spurious) console.log(`  ${article.name} ${kind} SPURIOUS ${show(m)}`);
    }
  }
  return result;
}

/**
 * The NER dev splits, scored with the rules alone and with the shipped models. The shipped taggers
 * were trained on these splits too, so the second figure is not a held-out one: the held-out figure
 * is the cross-validated one `npm run train` prints (docs/models.md).
 */
function printCorporaScores(lexicon: ReturnType<typeof defaultLexicon>): void {
  const entitiesOf = (models: Models) => (record: { text: string }) => analyze(record.text, { lexicon, models }).findings.filter((f) => f.kind === 'entity');
  console.log('\ncorpora dev splits (data/corpora), entities: the rules alone (held out: the rules never saw them)');
  for (const t of evaluateNerDevSets(entitiesOf(NO_MODELS))) console.log(`${t}\n`);
  const models = shippedModels();
  if (models.entityTagger('de') || models.entityTagger('en')) {
    console.log('corpora dev splits, entities: rules + shipped taggers (trained on these splits too: NOT held out;');
    console.log('held-out figures come from the cross-validation of `npm run train`, see docs/models.md)');
    for (const t of evaluateNerDevSets(entitiesOf(models))) console.log(`${t}\n`);
  }
  for (const problem of models.problems) console.log(`note: ${problem}`);
}

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const only = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : null;
  const root = process.cwd();
  const sets: [string, Article[]][] = [];
  if (argv.includes('--labels')) {
    const labels = argv[argv.indexOf('--labels') + 1];
    const texts = argv.includes('--texts') ? argv[argv.indexOf('--texts') + 1] : labels;
    sets.push([`labels in ${labels}`, readJsonSet(labels, texts)]);
  } else {
    const goldDir = join(root, 'test/fixtures/gold/labels');
    if (existsSync(goldDir)) sets.push(['seeds (test/fixtures/gold, German)', readJsonSet(goldDir, join(root, 'seeds'))]);
    const passages = join(root, 'test/fixtures/analysis/passages');
    if (existsSync(passages)) sets.push(['own passages (test/fixtures/analysis/passages, German and English)', readAnnotatedSet(passages)]);
    const heldout = join(root, 'test/fixtures/analysis/heldout');
    if (existsSync(heldout)) sets.push(['held-out passages (test/fixtures/analysis/heldout, German and English)', readAnnotatedSet(heldout)]);
  }
  const lexicon = defaultLexicon();
  let feedback: LoadedFeedback | null;
  try {
    feedback = await loadFeedback(argv.includes('--feedback') ? argv[argv.indexOf('--feedback') + 1] : undefined, root, 'eval');
  } catch (error) {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (feedback) console.log(`honouring the team's corrections in ${feedback.path} (${feedback.file.corrections.length})\n`);
  const all: Record<FindingKind, KindScore[]> = { number: [], entity: [], claim: [] };
  for (const [name, articles] of sets) {
    if (only && !name.startsWith(only)) continue;
    const perSet: Record<FindingKind, KindScore[]> = { number: [], entity: [], claim: [] };
    for (const article of articles) {
      const scores = scoreArticle(article, verbose, lexicon, await correctionsForFile(feedback, article.path));
      for (const kind of KINDS) {
        perSet[kind].push(scores[kind]);
        all[kind].push(scores[kind]);
      }
    }
    console.log(table(`${name}: ${articles.length} articles`, { number: sumScores(perSet.number), entity: sumScores(perSet.entity), claim: sumScores(perSet.claim) }));
    console.log('');
  }
  if (sets.length > 1 && !only) {
    console.log(table('all sets', { number: sumScores(all.number), entity: sumScores(all.entity), claim: sumScores(all.claim) }));
  }
  if (!only && !argv.includes('--labels') && !argv.includes('--no-corpora')) {
    const threshold = argv.includes('--threshold') ? Number(argv[argv.indexOf('--threshold') + 1]) : DEFAULT_CLAIM_THRESHOLD;
    const { sets: claimSets, notes } = claimDevSets(root);
    // The hand-written rules in the same run, at their own threshold, as the baseline.
    const rules = { name: 'rules', claimScorer: RULE_SCORER };
    const results = claimSets.flatMap((set) => [scoreClaimSet(set, lexicon, threshold), scoreClaimSet(set, lexicon, RULE_THRESHOLD, rules)]);
    console.log('');
    console.log(claimSetTable(results, notes));
  }
  if (!argv.includes('--labels') && (!only || only.startsWith('number'))) {
    for (const printed of evalNumberSet(join(root, 'test/fixtures/numbers'), lexicon, verbose)) console.log(`\n${printed}`);
  }
  if (!argv.includes('--labels') && (!only || 'corpora'.startsWith(only))) printCorporaScores(lexicon);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
