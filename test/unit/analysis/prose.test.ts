import assert from 'node:assert/strict';
import { inertMarkup, isCheapToParse, isPlainBlock, maskMarkdown, maskProse, type ProseBlock } from '../../../src/core/analysis/prose';
import { splitSentences } from '../../../src/core/analysis/sentences';
import { random } from '../../support/random';

const PREFIXES = ['', '- ', '* ', '+ ', '-  ', '   - ', '    - ', '-\t', '- - ', '1. ', '-', '# ', '> ', '- # ', '- > ', '-     '];
const WORDS = ['Alibaba', 'legt', 'um', '2,71', 'Prozent', 'zu.', 'Wow!', 'AT&T', '&amp;', '&#8364;', 'A & B', '![Bild](x.png)', '[Link]', '*fett*', '_x_', '`code`', '<b>', '---', 'https://example.com', 'Q&A', '~', '\\*', '!', '5!', '#10:', 'C#', '#', '##', '->', '>', 'a>b', '>>'];

/** remark lets a paragraph end after trailing spaces, the shortcuts before them; sentences never include them. */
function trimmed(line: string, prose: ProseBlock): ProseBlock {
  const units = prose.units.map(({ start, end }) => {
    while (end > start && /\s/.test(line.charAt(end - 1))) end--;
    return { start, end };
  });
  return { masked: prose.masked, units };
}

describe('analysis: prose masking shortcuts', () => {
  it('gives exactly what remark gives for plain lines and bullet items', () => {
    const next = random(7);
    for (let n = 0; n < 3000; n++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 6) }, () => WORDS[Math.floor(next() * WORDS.length)]);
      const trailing = next() < 0.2 ? '  ' : '';
      let line = PREFIXES[Math.floor(next() * PREFIXES.length)] + words.join(' ') + trailing;
      // Some blocks of two lines: the shortcuts must hand them to remark or read them the same way.
      if (next() < 0.25) line += `\n${PREFIXES[Math.floor(next() * PREFIXES.length)]}${WORDS[Math.floor(next() * WORDS.length)]}`;
      assert.deepEqual(trimmed(line, maskProse(line)), trimmed(line, maskMarkdown(line)), JSON.stringify(line));
    }
  });

  it('gives exactly what remark gives for blocks whose syntax characters are text, and for those that are not', function () {
    // 4,000 blocks through remark: seconds on the shared machine.
    this.timeout(20_000);
    const markup = ['\n', '\n', '\n', 'DB_Bahn', '@B_Den', 'co_:', '__init__', 'x_', '_x', '_', '__', 'a_b_', '5_000', 'Bürger*innen', 'rs*', '*', '**', 'a*', '*a', 'B&SR', 'S&P', '&amp;', '&Amp', '&#8364;', '&#x20AC;', '&;', 'a\\', '\\', '\\*', '\\a', '~', '~~', '<br />', '<br/>', '<BR>', '<br>', '<br  />', '<br', '<b>', '#Hashtag', '##zwei', '#', '# ', 'C#', '>', '\t',
      '[1]', '[sic]', '[', ']', '](', '][', ']:', '[a](b)', '[a][b]', '![a]', '<a href="https://x.de" target=_blank>', "<a href='x'>", '</a>', '</a >', '<span class=x>', '<p>', '<a href="x"y>', '<a href=x/>', '<img src="a.png"/>', '<a\nhref="x">', '<!-- x -->', '<https://x.de>', '<a@b.de>', '< a>', '<1>', '<a =x>', '<a b=>', '<a b="x>', '<div>', '</p>', '<li>IC', '<TABLE>', '<pre>', '<custom-tag>'];
    const words = [...WORDS, ...markup, ...markup];
    const next = random(11);
    let inert = 0;
    let tagged = 0;
    for (let n = 0; n < 4000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const count = 1 + Math.floor(next() * 6);
        const line = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(next() < 0.8 ? ' ' : '');
        return (next() < 0.2 ? PREFIXES[Math.floor(next() * PREFIXES.length)] : '') + line + (next() < 0.15 ? '  ' : '');
      });
      const block = lines.join('\n');
      if (!isCheapToParse(block)) continue;
      const tags = inertMarkup(block);
      if (tags && !isPlainBlock(block)) inert++;
      if (tags?.length) tagged++;
      assert.deepEqual(trimmed(block, maskProse(block)), trimmed(block, maskMarkdown(block)), JSON.stringify(block));
    }
    // The shortcut was taken, not only remark's path compared with itself.
    assert.ok(inert > 150 && tagged > 30, `${inert} blocks took the shortcut, ${tagged} of them with HTML tags`);
  });

  it('reads Twitter names, "S&P", hashtags that open a line, "[1]" and HTML tags as text, and real markup as markup', () => {
    assert.deepEqual(inertMarkup('Laut @DB_Bahn fallen 12 Züge aus.\n#S21 bleibt, so S&P.'), []);
    assert.deepEqual(inertMarkup('Erste Zeile<br />zweite Zeile'), [{ start: 11, end: 17 }]);
    assert.deepEqual(inertMarkup('<br />Grund: Bauarbeiten<br />\n<a href="x">PDF</a>'), [{ start: 0, end: 6 }, { start: 24, end: 30 }, { start: 31, end: 43 }, { start: 46, end: 50 }]);
    assert.equal(maskProse('25. Januar 2016 | Märkte und <b>Trends</b>').masked, '    Januar 2016 | Märkte und    Trends    ');
    assert.deepEqual(inertMarkup('Siehe [1] und <a href="https://x.de" target=_blank>hier</a>.'), [{ start: 14, end: 51 }, { start: 55, end: 59 }]);
    assert.equal(maskProse('Erste Zeile<br />zweite Zeile').masked, 'Erste Zeile      zweite Zeile');
    for (const block of ['_kursiv_ hier', 'Bürger*innen und Lehrer*innen', 'a &amp; b', 'a \\* b', '# Titel', 'a <!-- b -->', 'x\n- Liste', '[Link](https://x.de)', '[a][b]', 'a <https://x.de>', '<br />', '<br />  \nText', 'Text\n<div>x</div>', '<li>IC 2082']) {
      assert.equal(inertMarkup(block), null, block);
    }
  });

  it('keeps the text of a bullet item and blanks its marker', () => {
    const { masked, units } = maskProse('- Umsatz: 7,2 Mrd. Euro');
    assert.equal(masked, '  Umsatz: 7,2 Mrd. Euro');
    assert.deepEqual(units, [{ start: 2, end: 23 }]);
  });
});

describe('analysis: inputs remark-parse handles badly are taken as plain text', () => {
  it('hands ordinary Markdown paragraphs to remark', () => {
    const paragraph = 'Laut [OpenAI](https://openai.com) ist **GPT-4o** _deutlich_ schneller; `code` und <b>HTML</b> bleiben Markup.';
    assert.equal(isCheapToParse(paragraph), true);
    assert.deepEqual(maskProse(paragraph), maskMarkdown(paragraph));
    assert.equal(isCheapToParse('> - 1. Zitat in einer Liste'), true);
  });

  it('takes runs of delimiters and deep nesting on one line as plain text, markup blanked, offsets kept', () => {
    for (const block of ['*a_'.repeat(100), '['.repeat(65), '![a'.repeat(70), '`a'.repeat(70), 'a_b_c '.repeat(40), '> '.repeat(9) + 'Text', '- '.repeat(9) + 'Text', '[a]: b\n'.repeat(70)]) {
      assert.equal(isCheapToParse(block), false, JSON.stringify(block.slice(0, 20)));
      const { masked, units } = maskProse(block);
      assert.equal(masked.length, block.length);
      assert.doesNotMatch(masked, /[*_[\]`<>]/);
      assert.ok(units.length <= 1);
    }
    const quoted = '> '.repeat(20) + 'Der Umsatz stieg um 12 Prozent.';
    const prose = maskProse(quoted);
    assert.equal(prose.masked.trim(), 'Der Umsatz stieg um 12 Prozent.');
    assert.equal(prose.masked.indexOf('Der'), quoted.indexOf('Der'));
  });

  it('splits a long run of dots without trying every start inside it (the result is unchanged)', () => {
    const dots = '.'.repeat(50_000);
    const text = `Erster Satz. ${dots} Zweiter Satz.`;
    const sentences = splitSentences(text, [{ start: 0, end: text.length }], 'de');
    // A sentence ends before a capital letter only: the dots join the first sentence, as before.
    assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), [`Erster Satz. ${dots}`, 'Zweiter Satz.']);
  });
});
