import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultLexicon, IncrementalAnalyzer } from '../../../src/core/analysis';
import { analyzeBlock } from '../../../src/core/analysis/analyzer';
import { DEFAULT_CLAIM_THRESHOLD, RULE_SCORER } from '../../../src/core/analysis/claims';
import { longLinePieces } from '../../../src/core/analysis/longLines';
import { shippedModels } from '../../../src/core/analysis/models';
import { distinctArticle } from '../../../bench/distinctText';
import { random } from '../../support/random';
import { corpora } from '../../support/corpora';

const SEEDS = join(__dirname, '../../../../seeds');

/** Paragraphs written as one long line: every seed's paragraphs joined, and runs of 20 corpus paragraphs per language. */
function longLines(): string[] {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8').replace(/^ date \d{4}-\d{2} /, ''));
  const lines = seeds.map((text) => text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).join(' '));
  for (const language of ['de', 'en'] as const) {
    const paragraphs = distinctArticle(language, 200 * 1024, corpora()).split(/\n\s*\n/);
    for (let i = 0; i < paragraphs.length; i += 20) lines.push(paragraphs.slice(i, i + 20).join(' '));
  }
  return lines.filter((line) => longLinePieces(line, 0, line.length) !== null);
}

describe('analysis: a paragraph written as one long line', () => {
  const lexicon = defaultLexicon();
  const models = shippedModels();
  const lines = longLines();

  it('is analysed in pieces with the findings of the whole line', function () {
    this.timeout(120_000);
    assert.ok(lines.length >= 12, `${lines.length} long lines to compare`);
    let compared = 0;
    for (const line of lines) {
      const pieces = longLinePieces(line, 0, line.length)!;
      assert.ok(pieces.length > 1 && pieces.every((p) => p.end - p.start < 6000), 'cut into pieces');
      const full = analyze(line, { lexicon });
      const tagger = models.entityTagger(full.language);
      const whole = analyzeBlock(line, full.language, lexicon, DEFAULT_CLAIM_THRESHOLD, true, tagger, models.claimModel() ?? RULE_SCORER);
      // Names learnt in the line and used elsewhere in it are added by the article-level pass: compare the block's own findings.
      const own = full.findings.filter((f) => !(f.kind === 'entity' && f.reasons?.includes('rule: named so elsewhere in the article')));
      assert.deepEqual(own, whole.findings, `${line.slice(0, 60)}… (${pieces.length} pieces)`);
      compared += whole.findings.length;
    }
    assert.ok(compared > 2000, `${compared} findings compared`);
  });

  it('follows edits in its pieces as a full analysis does', function () {
    this.timeout(60_000);
    const next = random(12);
    let text = ` date 2024-05 Nachrichten\n\n${lines[0]}\n\nKurz: 5 Prozent.\n\n${lines[lines.length - 1]}\n`;
    const analyzer = new IncrementalAnalyzer({ lexicon });
    analyzer.analyze(text);
    const pieces = ['x', ' ', '. Die ', '12 Prozent ', 'Nvidia '];
    for (let edit = 0; edit < 25; edit++) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.6 ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
      assert.deepEqual(analyzer.analyze(text), analyze(text, { lexicon }), `after edit ${edit} at ${at}`);
    }
  });
});
