import assert from 'node:assert/strict';
import { maskMarkdown, maskProse, type ProseBlock } from '../../../src/core/analysis/prose';
import { random } from '../../support/random';

const PREFIXES = ['', '- ', '* ', '+ ', '-  ', '   - ', '    - ', '-\t', '- - ', '1. ', '-', '# ', '> ', '- # ', '- > ', '-     '];
const WORDS = ['Alibaba', 'legt', 'um', '2,71', 'Prozent', 'zu.', 'Wow!', 'AT&T', '&amp;', '&#8364;', 'A & B', '![Bild](x.png)', '[Link]', '*fett*', '_x_', '`code`', '<b>', '---', 'https://example.com', 'Q&A', '~', '\\*', '!', '5!'];

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

  it('keeps the text of a bullet item and blanks its marker', () => {
    const { masked, units } = maskProse('- Umsatz: 7,2 Mrd. Euro');
    assert.equal(masked, '  Umsatz: 7,2 Mrd. Euro');
    assert.deepEqual(units, [{ start: 2, end: 23 }]);
  });
});
