import assert from 'node:assert/strict';
import { codePointConverter, exportW3c, type ExportInput, type JsonLd } from '../../../src/core/export';
import { describeFailures, W3cSuite } from './w3cSchemas';
import { loadFixtureWorkspace, NOW } from './fixtures';

const ANNOTATION_MUSTS = 'annotations/annotationMusts.test';
const COLLECTION_MUSTS = 'collections/collectionMusts.test';
const PAGE_MUSTS = 'collections/pages/pageMusts.test';

type Item = JsonLd & { id: string; body: JsonLd[]; target: JsonLd & { selector: JsonLd[]; state?: JsonLd; source: string } };

function itemsOf(collection: JsonLd): Item[] {
  return (collection.first as { items: Item[] }).items;
}

describe('W3C Web Annotation export', () => {
  let input: ExportInput;
  let suite: W3cSuite;
  before(async () => {
    input = await loadFixtureWorkspace();
    suite = new W3cSuite();
  });

  it('passes every MUST assertion of the W3C suite for the collection, its page and each annotation', () => {
    const collection = exportW3c(input, { now: NOW });
    assert.equal(suite.assertionsOf(ANNOTATION_MUSTS).length, 54);
    assert.deepEqual(suite.check(COLLECTION_MUSTS, collection), [], describeFailures(suite.check(COLLECTION_MUSTS, collection)));
    assert.deepEqual(suite.check(PAGE_MUSTS, collection), [], describeFailures(suite.check(PAGE_MUSTS, collection)));
    const items = itemsOf(collection);
    assert.equal(items.length, input.annotations.length);
    for (const item of items) {
      const failures = suite.check(ANNOTATION_MUSTS, item);
      assert.deepEqual(failures, [], `${item.id}\n${describeFailures(failures)}`);
    }
  });

  it('also passes with http(s) IRIs below a configured base address', () => {
    const collection = exportW3c({ ...input, baseIri: 'https://git.example/team/news/blob/main', reviewer: 'Faktencheck-Team' }, { now: NOW });
    assert.deepEqual(suite.check(COLLECTION_MUSTS, collection), []);
    const item = itemsOf(collection).find((i) => i.target.source.endsWith('articles/emoji-article.md'));
    assert.ok(item);
    assert.equal(item.target.source, 'https://git.example/team/news/blob/main/articles/emoji-article.md');
    assert.equal(item.id, 'https://git.example/team/news/blob/main/.ainews/annotations.json#f-emoji');
    for (const each of itemsOf(collection)) assert.deepEqual(suite.check(ANNOTATION_MUSTS, each), []);
  });

  it('is caught by the validator when a target source is a plain relative path (the suite can fail)', () => {
    const item = structuredClone(itemsOf(exportW3c(input, { now: NOW }))[0]);
    item.target.source = 'seeds/000_a3906dffcfde8554.txt';
    const failures = suite.check(ANNOTATION_MUSTS, item).map((f) => f.assertion);
    assert.ok(failures.includes('annotations/3.2-targetObjectsRecognized.json'), failures.join('\n'));
    const noContext = structuredClone(itemsOf(exportW3c(input, { now: NOW }))[0]) as JsonLd;
    delete noContext['@context'];
    assert.ok(suite.check(ANNOTATION_MUSTS, noContext).some((f) => f.assertion.includes('annotationContextValidated')));
  });

  it('is caught by the validator when a TimeState has a month instead of a timestamp, or a position is negative', () => {
    const item = structuredClone(itemsOf(exportW3c(input, { now: NOW })).find((i) => i.id.endsWith('a-aktie')) as Item);
    item.target.state = { type: 'TimeState', sourceDate: '2025-01' };
    item.target.selector[1] = { type: 'TextPositionSelector', start: -1, end: 5 };
    const failures = suite.check(ANNOTATION_MUSTS, item).map((f) => f.assertion);
    assert.ok(failures.includes('annotations/specificResource/4.3.1-timeStateValid.json'), failures.join('\n'));
    assert.ok(failures.includes('annotations/specificResource/4.2-TextDataPositionSelectorValid.json'), failures.join('\n'));
  });

  it('says "assessing" with the status and the note as bodies with purposes', () => {
    const item = itemsOf(exportW3c(input, { now: NOW })).find((i) => i.id.endsWith('b-deepseek'));
    assert.ok(item);
    assert.equal(item.motivation, 'assessing');
    assert.deepEqual(item.body[0], { type: 'TextualBody', purpose: 'assessing', value: 'disputed', format: 'text/plain' });
    const note = item.body.find((b) => b.purpose === 'commenting');
    assert.match(String(note?.value), /^Laut App-Store-Archiv "Platz 1"/);
    assert.deepEqual(item.body.find((b) => b.purpose === 'linking'), {
      type: 'SpecificResource',
      purpose: 'linking',
      source: 'https://web.archive.org/web/20250127000000*/apps.apple.com',
    });
    assert.deepEqual(item.creator, { type: 'Person', name: 'Ben Okafor' });
    assert.equal(item.modified, '2025-02-03T07:30:00.000Z');
  });

  it('tags review flags and drops evidence that is not an http(s) address from the links', () => {
    const item = itemsOf(exportW3c(input, { now: NOW })).find((i) => i.id.endsWith('a-aktie'));
    assert.ok(item);
    assert.ok(item.body.some((b) => b.purpose === 'tagging' && b.value === 'needs re-check'));
    assert.ok(!item.body.some((b) => b.type === 'SpecificResource' && String(b.source).startsWith('javascript:')));
  });

  it('gives the article date as a TimeState spanning the month, else the annotation time', () => {
    const items = itemsOf(exportW3c(input, { now: NOW }));
    const dated = items.find((i) => i.id.endsWith('a-aktie'));
    assert.deepEqual(dated?.target.state, {
      type: 'TimeState',
      sourceDateStart: '2025-01-01T00:00:00.000Z',
      sourceDateEnd: '2025-01-31T23:59:59.999Z',
    });
    const undated = items.find((i) => i.id.endsWith('e-billionen')); // seed 000 has no date line
    assert.deepEqual(undated?.target.state, { type: 'TimeState', sourceDate: '2025-02-05T14:00:00.000Z' });
  });

  it('counts TextPositionSelector offsets in code points, not UTF-16 units', () => {
    const article = input.articles.find((a) => a.path === 'articles/emoji-article.md');
    assert.ok(article);
    const item = itemsOf(exportW3c(input, { now: NOW })).find((i) => i.id.endsWith('f-emoji'));
    const position = item?.target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
    const quote = item?.target.selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string };
    const utf16Start = article.text.indexOf(quote.exact);
    assert.ok(utf16Start > 0);
    // Three emoji (🚀 🤖 👍) before the quote: 3 UTF-16 units more than code points.
    assert.equal(position.start, utf16Start - 3);
    assert.equal([...article.text].slice(position.start, position.end).join(''), quote.exact);
  });

  it('gives no position for a quote that is no longer found, but keeps its quote selector', () => {
    const item = itemsOf(exportW3c(input, { now: NOW })).find((i) => i.id.endsWith('h-orphan'));
    assert.deepEqual(item?.target.selector.map((s) => s.type), ['TextQuoteSelector']);
  });

  it('exports only the chosen articles and statuses, and an empty collection without `first`', () => {
    const chosen = exportW3c(input, { now: NOW, articles: ['seeds/004_4d0229219e58456e.txt'], statuses: ['disputed'] });
    assert.deepEqual(itemsOf(chosen).map((i) => i.id), ['urn:ainews:annotation:b-deepseek']);
    const empty = exportW3c(input, { now: NOW, statuses: [] });
    assert.equal(empty.total, 0);
    assert.equal(empty.first, undefined);
    assert.deepEqual(suite.check(COLLECTION_MUSTS, empty), []);
  });

  it('refuses a base address that is not an absolute http(s) address', () => {
    assert.throws(() => exportW3c({ ...input, baseIri: 'team/news' }, { now: NOW }), /not an absolute address/);
    assert.throws(() => exportW3c({ ...input, baseIri: 'ftp://host/x/' }, { now: NOW }), /http\(s\)/);
  });
});

describe('codePointConverter', () => {
  it('is the identity for text without astral characters', () => {
    const convert = codePointConverter('Grüße, ÄÖÜ ß – “quotes”');
    assert.equal(convert(0), 0);
    assert.equal(convert(10), 10);
  });

  it('subtracts one per emoji before the offset and maps an offset inside a pair to its start', () => {
    const text = 'a😀b🚀c';
    const convert = codePointConverter(text);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map(convert), [0, 1, 1, 2, 3, 3, 4, 5]);
    assert.equal([...text].length, convert(text.length));
  });

  it('counts a lone surrogate as one code point', () => {
    const text = 'x\ud800y😀';
    assert.equal(codePointConverter(text)(text.length), [...text].length);
  });
});
