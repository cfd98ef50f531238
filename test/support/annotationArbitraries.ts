/**
 * fast-check arbitraries of valid annotations and annotation files (every optional field of versions
 * 1 and 2 present or absent), shared by the store's property tests.
 */
import fc from 'fast-check';
import { STATUSES, type Annotation, type AnnotationFile } from '../../src/core/store/annotation';
import { orderedAnnotation } from '../../src/core/store/file';

export const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2030-01-01T00:00:00.000Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
export const text = fc.string({ unit: 'binary', maxLength: 40 });
const segment = fc.constantFrom('articles', 'a', 'Artikel ü', 'x.md', '2025', 'KI-News', '📰.md');
const statusChange = fc.record({ status: fc.constantFrom(...STATUSES, 'misleading'), at: isoDate, author: text });
export const person = fc.constantFrom('Anna', 'Ben', 'Chen');
export const review = fc.record(
  { by: person, at: isoDate, result: fc.constantFrom('approved' as const, 'changes-requested' as const), status: fc.constantFrom(...STATUSES), note: text },
  { requiredKeys: ['by', 'at', 'result', 'status'] },
);
export const commentArb = fc.record(
  { id: fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), author: person, at: isoDate, body: text, edited: isoDate, deleted: fc.constant(true) },
  { requiredKeys: ['id', 'author', 'at', 'body'] },
);
const archive = fc.record({ file: fc.constantFrom('.ainews/evidence/a.html', '.ainews/evidence/b.pdf'), sha256: fc.stringMatching(/^[0-9a-f]{64}$/), fetched: isoDate, contentType: fc.constantFrom('text/html', 'application/pdf') });
const evidenceItem = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.record({ url: fc.constantFrom('https://a', 'https://b', 'https://c'), title: text, quote: text, accessed: isoDate, archive }, { requiredKeys: ['url'] }),
);

/** Any valid annotation, optional fields present or absent. */
export const annotationArb: fc.Arbitrary<Annotation> = fc
  .record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,21}$/),
      article: fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
      status: fc.constantFrom(...STATUSES, 'misleading'),
      quote: fc.record({
        exact: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        prefix: fc.string({ unit: 'binary', maxLength: 32 }),
        suffix: fc.string({ unit: 'binary', maxLength: 32 }),
      }),
      position: fc.tuple(fc.nat(100_000), fc.nat(500)).map(([start, length]) => ({ start, end: start + length })),
      note: text,
      created: isoDate,
      modified: isoDate,
      author: text,
      evidence: fc.uniqueArray(evidenceItem, { minLength: 1, maxLength: 3, selector: (item) => (typeof item === 'string' ? item : item.url) }),
      reviewBy: isoDate.map((d) => d.slice(0, 10)),
      articleHash: fc.stringMatching(/^[0-9a-f]{64}$/),
      private: fc.boolean(),
      history: fc.array(statusChange, { minLength: 1, maxLength: 3 }),
      assignee: person,
      review,
      tags: fc.uniqueArray(fc.constantFrom('Wahl', 'KI-Gesetz', 'needs source'), { minLength: 1, maxLength: 3 }),
      resolved: fc.boolean(),
      comments: fc.uniqueArray(commentArb, { minLength: 1, maxLength: 4, selector: (c) => c.id }),
    },
    { requiredKeys: ['id', 'article', 'status', 'quote', 'position', 'note', 'created', 'modified', 'author'] },
  )
  .map((a) => orderedAnnotation(a));

export const fileArb: fc.Arbitrary<AnnotationFile> = fc
  .uniqueArray(annotationArb, { selector: (a) => a.id, maxLength: 12 })
  .map((annotations) => ({ version: 1, annotations }));
