import assert from 'node:assert/strict';
import { analyze, detectLanguage, maskProse, readArticleDate, splitSentences } from '../../../src/core/analysis';
import { assertExactSpans } from './helpers';

function sentences(text: string, language: 'de' | 'en' = 'de'): string[] {
  const { masked, units } = maskProse(text);
  return splitSentences(masked, units, language).map((s) => text.slice(s.start, s.end));
}

describe('analysis: sentences', () => {
  it('does not split German dates, abbreviations, scale words or names', () => {
    assert.deepEqual(sentences('Am 26. Januar 2025 fiel die Aktie. Das kostete z. B. Nvidia 593 Mrd. Euro an Wert. Auch 01.AI und Qwen 2.5 profitierten.'), [
      'Am 26. Januar 2025 fiel die Aktie.',
      'Das kostete z. B. Nvidia 593 Mrd. Euro an Wert.',
      'Auch 01.AI und Qwen 2.5 profitierten.',
    ]);
  });

  it('splits English sentences and keeps "U.S." and decimals', () => {
    assert.deepEqual(sentences('Shares fell 3.1% on Monday. The U.S. government responded! Did it work?', 'en'), [
      'Shares fell 3.1% on Monday.',
      'The U.S. government responded!',
      'Did it work?',
    ]);
  });

  it('treats lines of a plain-text article as units (headlines, list items)', () => {
    assert.deepEqual(sentences('Alibaba holt auf\n- Qwen 2.5 ist offen\n- DeepSeek ist günstig\nDas ist neu.'), [
      'Alibaba holt auf',
      'Qwen 2.5 ist offen',
      'DeepSeek ist günstig',
      'Das ist neu.',
    ]);
  });
});

describe('analysis: article metadata and language', () => {
  it('reads a leading " date YYYY-MM " prefix and finds nothing inside it', () => {
    const text = ' date 2025-01 Nvidia verlor am 27. Januar 17 Prozent an Wert.';
    assert.deepEqual(readArticleDate(text).date, '2025-01');
    const analysis = analyze(text);
    assert.equal(analysis.date, '2025-01');
    const metadataEnd = readArticleDate(text).metadataEnd;
    assert.ok(metadataEnd > 0 && metadataEnd <= text.indexOf('Nvidia'));
    assert.ok(analysis.findings.length > 0);
    for (const f of analysis.findings) assert.ok(f.start >= metadataEnd, `${f.kind} "${f.text}" inside the metadata`);
    assert.equal(analyze('Nvidia verlor 17 Prozent.').date, null);
  });

  it('detects German and English', () => {
    assert.equal(detectLanguage('Die Aktie von Nvidia ist am Montag um 17 Prozent gefallen, weil ein chinesisches Modell vorgestellt wurde.'), 'de');
    assert.equal(detectLanguage('Shares of Nvidia fell 17% on Monday after a Chinese model was released.'), 'en');
    assert.equal(analyze('The company said it would spend more than $100 billion on data centers.').language, 'en');
    assert.equal(analyze('Das Unternehmen will mehr als 100 Milliarden Dollar in Rechenzentren investieren.').language, 'de');
  });
});

describe('analysis: Markdown', () => {
  it('skips code, inline code, URLs, HTML and front matter', () => {
    const text = [
      '---',
      'title: Nvidia 2025',
      'budget: 500 Millionen Euro',
      '---',
      '',
      'Nvidia verlor 17 Prozent, siehe `GPT 4 kostet 20 Dollar` und https://example.com/nvidia/2025/17-prozent.',
      '',
      '```',
      'Microsoft zahlt 10 Milliarden Dollar.',
      '```',
      '',
      '<div>Google zahlt 3 Milliarden Dollar.</div>',
      '',
      '    Meta zahlt 4 Milliarden Dollar.',
    ].join('\n');
    const found = analyze(text).findings;
    const numbers = found.filter((f) => f.kind === 'number').map((f) => f.text);
    const names = found.filter((f) => f.kind === 'entity').map((f) => f.text);
    assert.deepEqual(numbers, ['17 Prozent']);
    assert.deepEqual(names, ['Nvidia']);
    assertExactSpans(text, found);
  });

  it('analyses prose inside lists, headings, quotes and emphasis', () => {
    const text = '# Nvidia verliert 17 Prozent\n\n- **Alibaba** investiert 380 Milliarden Yuan.\n\n> Laut *Reuters* stieg Tencent um 4 Prozent.';
    const found = analyze(text).findings;
    const numbers = found.filter((f) => f.kind === 'number').map((f) => f.text);
    assert.deepEqual(numbers, ['17 Prozent', '380 Milliarden Yuan', '4 Prozent']);
    assertExactSpans(text, found);
  });
});

describe('analysis: offsets', () => {
  const base = 'Laut Reuters verlor Nvidia am 27. Januar 2025 rund 17 Prozent.\nDeepSeek-V3 kostete 5,6 Millionen Dollar.\n\nAlibaba investiert 380 Milliarden Yuan.';
  const variants: [string, string][] = [
    ['CRLF', base.replace(/\n/g, '\r\n')],
    ['BOM', '\uFEFF' + base],
    ['tabs', base.replace(/ /g, '\t')],
    ['emoji', base.replace('Laut', '🚀 Laut').replace('Alibaba', '👍🏽 Alibaba')],
    ['combining characters', base.replace('Laut', 'Lau\u0308t Cafe\u0301').replace('verlor', 've\u0301rlor')],
    ['BOM, CRLF and date prefix', '\uFEFF date 2025-01 ' + base.replace(/\n/g, '\r\n')],
  ];
  const reference = analyze(base).findings.filter((f) => f.kind !== 'claim').map((f) => f.text);
  for (const [name, text] of variants) {
    it(`are exact under ${name}`, () => {
      const analysis = analyze(text);
      assertExactSpans(text, analysis.findings);
      const texts = analysis.findings.filter((f) => f.kind !== 'claim').map((f) => f.text.replace(/\t/g, ' '));
      for (const expected of ['Reuters', 'Nvidia', '17 Prozent', 'DeepSeek-V3', '5,6 Millionen Dollar', '380 Milliarden Yuan']) {
        assert.ok(texts.includes(expected), `${expected} missing: ${JSON.stringify(texts)}`);
      }
      if (name === 'CRLF' || name === 'BOM') assert.deepEqual(texts, reference);
      for (const claim of analysis.findings.filter((f) => f.kind === 'claim')) assert.ok(!claim.text.endsWith('\r'));
    });
  }
});
