import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { correctionProblem, type Correction } from '../../../src/core/feedback';

const ROOT = join(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'feedback.schema.json'), 'utf8')) as object;

const GOOD: Correction = {
  id: 'c1',
  article: 'articles/a.md',
  kind: 'wrong-entity-type',
  type: 'person',
  quote: { exact: 'Sam Altman', prefix: 'Laut ', suffix: ' ist das' },
  position: { start: 5, end: 15 },
  author: 'Ana',
  created: '2026-12-07T10:00:00Z',
};

describe('feedback: the JSON Schema agrees with the reader', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const file = (correction: unknown) => ({ version: 1, corrections: [correction] });

  it('is a valid draft-07 schema that accepts a valid correction', () => {
    assert.ok(ajv.validateSchema(schema));
    assert.equal(correctionProblem(GOOD), undefined);
    assert.ok(validate(file(GOOD)), JSON.stringify(validate.errors));
    const notAClaim = JSON.parse(JSON.stringify({ ...GOOD, kind: 'not-a-claim', type: undefined })) as unknown;
    assert.equal(correctionProblem(notAClaim), undefined);
    assert.ok(validate(file(notAClaim)));
  });

  const bad: [string, unknown][] = [
    ['an unknown kind', { ...GOOD, kind: 'maybe' }],
    ['a retype without its type', { ...GOOD, type: undefined }],
    ['a type on another kind', { ...GOOD, kind: 'not-an-entity' }],
    ['an unknown type', { ...GOOD, type: 'animal' }],
    ['an empty quote', { ...GOOD, quote: { ...GOOD.quote, exact: '' } }],
    ['a context longer than 32 characters', { ...GOOD, quote: { ...GOOD.quote, prefix: 'x'.repeat(33) } }],
    ['no id', { ...GOOD, id: undefined }],
    ['a date that is not one', { ...GOOD, created: 'yesterday' }],
  ];
  for (const [name, value] of bad) {
    it(`both refuse ${name}`, () => {
      const plain = JSON.parse(JSON.stringify(value)) as unknown;
      assert.notEqual(correctionProblem(plain), undefined);
      assert.equal(validate(file(plain)), false);
    });
  }
});
