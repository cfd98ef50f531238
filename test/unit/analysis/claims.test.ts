import assert from 'node:assert/strict';
import { analyze, findTimeSensitive } from '../../../src/core/analysis';
import { claims } from './helpers';

function only(text: string) {
  const found = claims(text);
  assert.equal(found.length, 1, `expected one claim in ${JSON.stringify(text)}, found ${found.length}`);
  return found[0];
}

function reasons(text: string): string {
  return only(text).reasons.join(' | ');
}

describe('analysis: claims', () => {
  it('gives the reasons behind a claim', () => {
    assert.match(reasons('Der Umsatz von Nvidia stieg im Jahr 2024 um 114 Prozent.'), /contains a figure/);
    assert.match(reasons('Laut Reuters ist Nvidia das wertvollste Unternehmen der Welt.'), /attribution \(laut\)/);
    assert.match(reasons('According to Bloomberg, Nvidia lost $593 billion in market value.'), /attribution \(according to\)/);
    assert.match(reasons('DeepSeek-R1 ist besser als GPT-4o bei Mathematikaufgaben, zeigen 3 Benchmarks.'), /comparison or superlative/);
    assert.match(reasons('Am 27. Januar 2025 stellte DeepSeek das Modell R1 vor.'), /dated/);
    assert.match(reasons('Analysts expect the market to reach $1.3 trillion by 2032.'), /prediction/);
  });

  it('scores claims between 0 and 1, higher with more cues', () => {
    const strong = only('Laut Reuters stieg der Umsatz von Nvidia im Jahr 2024 um 114 Prozent auf 60,9 Milliarden Dollar.');
    assert.ok(strong.score > 0.45 && strong.score <= 1);
    const weaker = only('Nvidia stellte einen neuen Chip vor, der schneller als der H100 ist.');
    assert.ok(weaker.score < strong.score, `${weaker.score} < ${strong.score}`);
  });

  it('counts opinion, questions and hedges against a sentence', () => {
    assert.deepEqual(claims('Wird Nvidia im Jahr 2026 mehr als 200 Milliarden Dollar umsetzen?'), []);
    assert.deepEqual(claims('Ich finde, das ist das spannendste Modell des Jahres.'), []);
    assert.deepEqual(claims('Ob sich die Erholung hält, bleibt abzuwarten.'), []);
    const hedged = analyze('Nvidia could possibly gain some ground, I think.').findings.filter((f) => f.kind === 'claim');
    assert.deepEqual(hedged, []);
    const plain = only('Nvidia gained 3 percent on Monday.');
    const withHedge = claims('Nvidia perhaps gained 3 percent on Monday, I believe.');
    assert.ok(withHedge.length === 0 || withHedge[0].score < plain.score);
  });

  it('marks time-sensitive wording on the claim', () => {
    assert.deepEqual(only('Derzeit ist Nvidia mit 3,4 Billionen Dollar das wertvollste Unternehmen der Welt.').timeSensitive.map((w) => w.toLowerCase()), ['derzeit']);
    const en = only('The latest model currently leads the ranking with 1,402 points.').timeSensitive.map((w) => w.toLowerCase());
    assert.ok(en.includes('latest') && en.includes('currently'), JSON.stringify(en));
    assert.ok(findTimeSensitive('Bis 2030 sollen 500 Milliarden Dollar investiert werden.').some((w) => /bis 2030/i.test(w)));
    assert.ok(findTimeSensitive('Die jüngste Version ist aktuell die schnellste.').length >= 2);
    assert.deepEqual(findTimeSensitive('Das Modell wurde 2023 vorgestellt.'), []);
  });

  it('treats a copula alone as weaker than a full verb, and a headline with a full verb as a sentence', () => {
    assert.deepEqual(claims('Dies ist die Antwort von Alibaba.'), []);
    assert.match(reasons('Alibaba hat sein Modell Qwen veröffentlicht.'), /event or fact \(veröffentlicht\)/);
    assert.ok(claims('OpenAI, SoftBank and Oracle launch Stargate venture').length === 1);
    assert.deepEqual(claims('Offener Zugang | Beschränkt'), []);
  });

  it('counts a collective actor named by origin as a checkable subject', () => {
    assert.match(reasons('Die chinesische Regierung hat die KI-Entwicklung gefördert.'), /collective actor/);
    assert.match(reasons('Chinese companies launched dozens of open models.'), /collective actor/);
  });
});
