import assert from 'node:assert/strict';
import type { NumberFinding } from '../../../src/core/analysis/types';
import { commandLink, HOVER_COMMANDS } from '../../../src/core/hover/commandLinks';
import { actionLinks, annotationActions, evidenceLink, lightBulbVerdicts, formatValue, inertText, isSafeLink, narrowestSpan, showsWorkflowState } from '../../../src/core/hover/hoverContent';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_TEAM } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';

const number = (value: NumberFinding['value'], unit?: string): NumberFinding => ({ kind: 'number', type: 'money', start: 0, end: 5, text: 'x', value, ...(unit ? { unit } : {}) }) as NumberFinding;

describe('hover: what it shows', () => {
  it('encodes the command arguments so that an id or a path from the file cannot end the link early', () => {
    const link = commandLink('Remove', 'aiNews.removeAnnotation', { id: 'a)[x](command:aiNews.removeAnnotation?%5B%5D', folder: 'file:///news (2024)' });
    const target = link.slice('[Remove]('.length, -1);
    assert.ok(!/[()\s]/.test(target), target);
    assert.deepEqual(JSON.parse(decodeURIComponent(target.slice('command:aiNews.removeAnnotation?'.length))), [{ id: 'a)[x](command:aiNews.removeAnnotation?%5B%5D', folder: 'file:///news (2024)' }]);
  });

  it('writes a value as the reader\'s locale does, with its unit; dates as they are; none when there is none', () => {
    assert.equal(formatValue(number(1234.5, 'EUR'), 'de'), '1.234,5 EUR');
    assert.equal(formatValue(number(1234.5), 'en'), '1,234.5');
    assert.equal(formatValue(number('2025-01-26'), 'de'), '2025-01-26');
    assert.equal(formatValue(number(null), 'de'), undefined);
  });

  it('makes only web links links, escaped so that they cannot end early', () => {
    assert.ok(isSafeLink('https://example.org/a'));
    for (const link of ['command:workbench.action.quit', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      assert.ok(!isSafeLink(link), link);
      assert.equal(evidenceLink(link), undefined, link);
    }
    assert.equal(evidenceLink('https://example.org/a_(b)[c]'), '[https://example.org/a\\_(b)\\[c\\]](https://example.org/a_%28b%29[c])');
    assert.equal(evidenceLink({ url: 'https://example.org/p', title: 'Press release' }), '[https://example.org/p](https://example.org/p)');
    // A teammate's evidence that closes the link early would follow it with a command link the hover allows.
    const hostile = evidenceLink('https://evil.example/)[Remove](command:aiNews.removeAnnotation?%5B%7B%7D%5D)')!;
    const href = hostile.slice(hostile.lastIndexOf('](') + 2, -1);
    assert.equal(href, 'https://evil.example/%29[Remove]%28command:aiNews.removeAnnotation?%5B%7B%7D%5D%29', 'no parenthesis can end the address early');
    assert.ok(hostile.startsWith('[https://evil.example/)\\[Remove\\]('), `nor a bracket the text: ${hostile}`);
  });

  it('an evidence string with line breaks stays one link in one paragraph: no heading, rule or icon (audit 9, finding 6)', () => {
    const evidence = 'https://example.org/report\n\n---\n\n$(pass-filled) APPROVED BY THE DESK: no further check needed\n\n# Verified';
    assert.ok(isSafeLink(evidence), 'new URL accepts it: the line breaks are dropped');
    const markdown = evidenceLink(evidence)!;
    assert.doesNotMatch(markdown, /[\r\n\t]/);
    assert.doesNotMatch(markdown, /(?<!\\)\$\(/, 'an icon needs "$(" without a backslash');
    const tree = unified().use(remarkParse).parse(markdown);
    assert.deepEqual(tree.children.map((node) => node.type), ['paragraph']);
    const paragraph = tree.children[0] as { children: { type: string; url?: string }[] };
    assert.deepEqual(paragraph.children.map((node) => node.type), ['link']);
    assert.equal(paragraph.children[0].url, new URL(evidence).href.replace('(', '%28').replace(')', '%29'));
    assert.equal(evidenceLink('https://example.org/$(lock)'), '[https://example.org/\\$(lock)](https://example.org/$%28lock%29)');
  });

  it('escapes HTML in other people\'s text', () => {
    assert.equal(inertText('<img src=x> & &amp;'), '&lt;img src=x&gt; &amp; &amp;amp;');
  });

  it('covers the narrowest span under the pointer', () => {
    const claim = { start: 0, end: 40 };
    const name = { start: 10, end: 16 };
    assert.equal(narrowestSpan([claim, name, { start: 5, end: 30 }]), name);
    assert.equal(narrowestSpan([claim]), claim);
  });

  it('names the workflow state only where it asks for work or the team reviews', () => {
    assert.equal(showsWorkflowState('final', DEFAULT_TEAM), false);
    assert.equal(showsWorkflowState('in-progress', DEFAULT_TEAM), true);
    assert.equal(showsWorkflowState('final', { ...DEFAULT_TEAM, secondReview: 'required' }), true);
  });

  it('offers the other verdicts, the review steps of the state, then editing; "Open evidence" only with evidence', () => {
    const commands = (status: string, state: Parameters<typeof annotationActions>[1], evidence?: string[]) =>
      annotationActions(sampleAnnotation({ status, ...(evidence ? { evidence } : {}) }), state).map((a) => (a.status ? `${a.command}:${a.status}` : a.command));
    assert.deepEqual(commands('disputed', 'final'), [
      'aiNews.setStatus:verified', 'aiNews.setStatus:outdated', 'aiNews.startChecking', 'aiNews.editNote', 'aiNews.addEvidence', 'aiNews.addTag', 'aiNews.removeAnnotation',
    ]);
    assert.deepEqual(commands('in-progress', 'in-progress', ['https://example.org']), [
      'aiNews.setStatus:verified', 'aiNews.setStatus:disputed', 'aiNews.setStatus:outdated', 'aiNews.editNote', 'aiNews.addEvidence', 'aiNews.openEvidence', 'aiNews.addTag', 'aiNews.removeAnnotation',
    ]);
    assert.deepEqual(commands('verified', 'awaiting-review').slice(2, 5), ['aiNews.approveVerdict', 'aiNews.requestChanges', 'aiNews.startChecking']);
    for (const action of annotationActions(sampleAnnotation(), 'changes-requested')) assert.ok(HOVER_COMMANDS.includes(action.command), action.command);
  });

  it('puts "outdated" first in the light bulb, as the suggestion, for time-sensitive wording in an old article', () => {
    assert.deepEqual(lightBulbVerdicts(false), [
      { command: 'aiNews.markVerified', suggested: false }, { command: 'aiNews.markDisputed', suggested: false }, { command: 'aiNews.markOutdated', suggested: false },
    ]);
    assert.deepEqual(lightBulbVerdicts(true), [
      { command: 'aiNews.markOutdated', suggested: true }, { command: 'aiNews.markVerified', suggested: false }, { command: 'aiNews.markDisputed', suggested: false },
    ]);
  });

  it('builds allowed command links with the target and the action\'s status', () => {
    const links = actionLinks([{ command: 'aiNews.setStatus', status: 'verified' }, { command: 'aiNews.addTag' }], { id: 'a1' }, (a) => `[${a.command}]`);
    assert.equal(links, [commandLink('[aiNews.setStatus]', 'aiNews.setStatus', { id: 'a1', status: 'verified' }), commandLink('[aiNews.addTag]', 'aiNews.addTag', { id: 'a1' })].join(' · '));
    assert.match(links, /^\[\\\[aiNews\.setStatus\\\]\]\(command:aiNews\.setStatus\?%5B%7B%22id%22%3A%22a1%22%2C%22status%22%3A%22verified%22%7D%5D\)/);
  });
});
