import assert from 'node:assert/strict';
import { buildSearchIndex, buildSearchIndexInSlices, foldForSearch, queryWords, searchAnnotations } from '../../../src/core/search/annotationSearch';
import { escapeIcons } from '../../../src/core/sidebar/text';
import type { Annotation } from '../../../src/core/store/annotation';
import { sampleAnnotation } from '../../support/annotations';

/** The shared sample, by Ben, last changed on 2025-01-10, with what the test is about. */
function annotation(id: string, fields: Partial<Annotation> = {}): Annotation {
  return sampleAnnotation({ id, author: 'Ben', modified: '2025-01-10T12:00:00.000Z', quote: { exact: 'x', prefix: '', suffix: '' }, ...fields });
}

const ANNOTATIONS: Annotation[] = [
  annotation('quote', { quote: { exact: 'Alibaba investiert 53 Milliarden Dollar', prefix: '', suffix: '' }, modified: '2025-01-01T00:00:00.000Z' }),
  annotation('note', { note: 'Die Summe gilt für drei Jahre, laut Geschäftsbericht.', author: 'Anna', modified: '2025-01-02T00:00:00.000Z' }),
  annotation('comment', {
    author: 'Chen',
    comments: [
      { id: 'c1', author: 'Dora', at: '2025-01-03T00:00:00.000Z', body: 'Habe mit der Pressestelle telefoniert: die Zahl stimmt für die Straße von Taiwan.' },
      { id: 'c2', author: 'Emil', at: '2025-01-03T01:00:00.000Z', body: '', deleted: true },
    ],
    modified: '2025-01-03T00:00:00.000Z',
  }),
  annotation('tag', { tags: ['Börse', 'Wahl 2025'], modified: '2025-01-04T00:00:00.000Z' }),
  annotation('assigned', { assignee: 'Frida', modified: '2025-01-05T00:00:00.000Z' }),
];

function ids(query: string, list: readonly Annotation[] = ANNOTATIONS): string[] {
  const index = buildSearchIndex(list, (a) => a);
  return searchAnnotations(index, query).map((hit) => hit.item.id);
}

describe('search: matching', () => {
  it('folds case, accents and ß, so "borse", "BÖRSE" and "strasse" find their words', () => {
    assert.equal(foldForSearch('Börse STRASSE Straße ﬁnal'), 'borse strasse strasse final');
    assert.deepEqual(queryWords('  Börse   Wahl '), ['borse', 'wahl']);
    assert.deepEqual(ids('borse'), ['tag']);
    assert.deepEqual(ids('BÖRSE'), ['tag']);
    assert.deepEqual(ids('strasse'), ['comment']);
  });

  it('finds quotes, notes, comments, tags, authors, assignees and commenters', () => {
    assert.deepEqual(ids('milliarden'), ['quote']);
    assert.deepEqual(ids('geschäftsbericht'), ['note']);
    assert.deepEqual(ids('pressestelle'), ['comment']);
    assert.deepEqual(ids('wahl 2025'), ['tag']);
    assert.deepEqual(ids('anna'), ['note']);
    assert.deepEqual(ids('frida'), ['assigned']);
    assert.deepEqual(ids('dora'), ['comment'], 'a commenter is one of the people');
  });

  it('needs every word, in any of the annotation\'s texts', () => {
    assert.deepEqual(ids('chen pressestelle'), ['comment'], 'author and comment together');
    assert.deepEqual(ids('chen geschäftsbericht'), []);
  });

  it('never matches a word across two texts', () => {
    const list = [annotation('a', { note: 'ab', tags: ['cd'] })];
    assert.deepEqual(ids('ab', list), ['a']);
    assert.deepEqual(ids('abcd', list), []);
    assert.deepEqual(ids('b c', list), ['a']);
  });

  it('leaves deleted comments out: a tombstone is not found, nor its author', () => {
    assert.deepEqual(ids('emil'), []);
  });

  it('ranks a word in the quote or a tag above one in a note, and equal scores by the latest change', () => {
    const list = [
      annotation('in-note', { note: 'Qwen ist gut', modified: '2025-03-01T00:00:00.000Z' }),
      annotation('in-quote', { quote: { exact: 'Qwen 2.5', prefix: '', suffix: '' }, modified: '2025-01-01T00:00:00.000Z' }),
      annotation('in-tag', { tags: ['qwen'], modified: '2025-02-01T00:00:00.000Z' }),
      annotation('in-note-older', { note: 'Qwen again', modified: '2025-02-15T00:00:00.000Z' }),
    ];
    assert.deepEqual(ids('qwen', list), ['in-tag', 'in-quote', 'in-note', 'in-note-older']);
  });

  it('builds the same index in slices, pausing between them', async () => {
    let pauses = 0;
    const sliced = await buildSearchIndexInSlices(ANNOTATIONS, (a) => a, async () => {
      pauses += 1;
    }, 2);
    assert.equal(pauses, 2, '5 annotations in slices of 2: two pauses');
    assert.deepEqual(sliced, buildSearchIndex(ANNOTATIONS, (a) => a));
  });

  it('folds plain ASCII like any other text (its short cut changes nothing)', () => {
    for (const text of ['Ben', 'GPT-4o', 'ABC def 123 !?', 'Wahl 2025']) assert.equal(foldForSearch(text), text.normalize('NFKD').toLowerCase());
  });

  it('lists everything for a blank query, the latest change first, and stops at the limit', () => {
    assert.deepEqual(ids('   '), ['assigned', 'tag', 'comment', 'note', 'quote']);
    const index = buildSearchIndex(ANNOTATIONS, (a) => a);
    assert.equal(searchAnnotations(index, '', 2).length, 2);
  });
});

describe('search: what a hit shows', () => {
  const hitFor = (query: string) => searchAnnotations(buildSearchIndex(ANNOTATIONS, (a) => a), query)[0];

  it('shows the comment that matched, with its author, cut around the word', () => {
    const hit = hitFor('pressestelle');
    assert.deepEqual(hit.snippet, { field: 'comment', by: 'Dora', text: 'Habe mit der Pressestelle telefoniert: die Zahl stimmt für die Straße von Taiwan.' });
  });

  it('cuts a long text around the word, never in a surrogate pair, on one line', () => {
    const body = `${'😀'.repeat(60)}\n\nDer Fund: Geschäftsbericht Seite 4. ${'Füllwort '.repeat(40)}`;
    const [hit] = searchAnnotations(buildSearchIndex([annotation('long', { note: body })], (a) => a), 'geschaftsbericht');
    const text = hit.snippet?.text ?? '';
    assert.match(text, /^…/);
    assert.match(text, /…$/);
    assert.ok(text.includes('Geschäftsbericht Seite 4.'), text);
    assert.doesNotMatch(text, /\n/);
    assert.doesNotMatch(text, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('finds the word after accents that fold to fewer characters (the snippet starts at the right place)', () => {
    const note = `${'Ä'.repeat(30)}${'x'.repeat(40)} Ziel ${'y'.repeat(100)}`.normalize('NFD');
    const [hit] = searchAnnotations(buildSearchIndex([annotation('nfd', { note })], (a) => a), 'ziel');
    assert.ok(hit.snippet?.text.includes('Ziel'), hit.snippet?.text);
  });

  it('shows no snippet when only the quote matched (the quote is the label)', () => {
    assert.equal(hitFor('milliarden').snippet, undefined);
    assert.equal(hitFor('börse').snippet?.field, 'tag');
  });
});

describe('search: text from other people in a quick pick', () => {
  it('escapes icon syntax so that it shows as typed', () => {
    assert.equal(escapeIcons('$(alert) Achtung'), '\\$(alert) Achtung');
    assert.equal(escapeIcons('a $(sync~spin) b \\$(x)'), 'a \\$(sync~spin) b \\\\$(x)');
    assert.equal(escapeIcons('kostet $(5 Mio.) und $5'), 'kostet $(5 Mio.) und $5');
  });
});
