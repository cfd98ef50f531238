import assert from 'node:assert/strict';
import { CSV_COLUMNS, exportCsv, type ExportInput } from '../../../src/core/export';
import { csvField, csvRecord } from '../../../src/core/export/escape';
import { parseRfc4180 } from './csvParse';
import { loadFixtureWorkspace, NOW } from './fixtures';

describe('CSV export', () => {
  let input: ExportInput;
  before(async () => {
    input = await loadFixtureWorkspace();
  });

  it('writes a header and one CRLF-terminated record per annotation that a strict RFC 4180 reader reads back', () => {
    const csv = exportCsv(input, { now: NOW });
    assert.ok(csv.endsWith('\r\n'));
    const records = parseRfc4180(csv);
    assert.deepEqual(records[0], [...CSV_COLUMNS]);
    assert.equal(records.length, 1 + input.annotations.length);
    for (const record of records) assert.equal(record.length, CSV_COLUMNS.length);
  });

  it('round-trips quotes, commas and line breaks in notes', () => {
    const records = parseRfc4180(exportCsv(input, { now: NOW }));
    const column = (name: string) => CSV_COLUMNS.indexOf(name);
    const row = records.find((r) => r[column('id')] === 'b-deepseek');
    const original = input.annotations.find((a) => a.id === 'b-deepseek');
    assert.ok(row && original);
    assert.equal(row[column('note')], original.note);
    assert.ok(original.note.includes('"') && original.note.includes(',') && original.note.includes('\r\n'));
    assert.equal(row[column('quote')], original.quote.exact);
    assert.equal(row[column('status')], 'disputed');
    assert.equal(row[column('author')], 'Ben Okafor');
    assert.equal(row[column('evidence')], original.evidence?.join('\n'));
  });

  it('guards cells a spreadsheet would run as formulas with a leading apostrophe', () => {
    const records = parseRfc4180(exportCsv(input, { now: NOW }));
    const row = records.find((r) => r[CSV_COLUMNS.indexOf('id')] === 'c-chips');
    assert.equal(row?.[CSV_COLUMNS.indexOf('note')], `'=HYPERLINK("http://evil.example","Klick")`);
    assert.equal(row?.[CSV_COLUMNS.indexOf('author')], "'@journalist");
  });

  it('fills line, anchor, positions and review flags from the current article text', () => {
    const records = parseRfc4180(exportCsv(input, { now: NOW }));
    const get = (id: string, name: string) => records.find((r) => r[CSV_COLUMNS.indexOf('id')] === id)?.[CSV_COLUMNS.indexOf(name)];
    assert.equal(get('a-aktie', 'review_flags'), 'needs re-check');
    assert.equal(get('g-changed', 'review_flags'), 'article changed since review');
    assert.equal(get('h-orphan', 'anchor'), 'orphaned');
    assert.equal(get('h-orphan', 'start'), '');
    assert.equal(get('f-emoji', 'line'), '6');
    assert.equal(get('f-emoji', 'anchor'), 'exact');
    assert.equal(get('a-aktie', 'article_date'), '2025-01');
  });

  it('filters by status and article', () => {
    const records = parseRfc4180(exportCsv(input, { now: NOW, statuses: ['outdated', 'disputed'], articles: ['seeds/003_99335840e0870e45.txt'] }));
    assert.deepEqual(records.slice(1).map((r) => r[CSV_COLUMNS.indexOf('id')]), ['c-chips']);
  });
});

describe('csvField and csvRecord', () => {
  it('leaves plain fields alone and quotes fields with commas, quotes, CR or LF', () => {
    assert.equal(csvField('plain text'), 'plain text');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\ronly'), '"cr\ronly"');
  });

  it('prefixes = + - @ and tab with an apostrophe (a field with a tab is quoted)', () => {
    assert.deepEqual(['=1+1', '+49 30', '-5', '@cmd', '\tx'].map(csvField), ["'=1+1", "'+49 30", "'-5", "'@cmd", `"'\tx"`]);
  });

  it('quotes a field holding ; or a tab, and guards a formula after each ; and tab as at the start (German Excel splits at ;)', () => {
    const note = "Quelle geprüft;=cmd|' /C calc'!A0;ok";
    assert.equal(csvField(note), `"Quelle geprüft;'=cmd|' /C calc'!A0;ok"`);
    assert.equal(csvField('a;b'), '"a;b"');
    assert.equal(csvField('a\tb'), '"a\tb"');
    assert.equal(csvField(';\t=x'), `";'\t'=x"`);
    assert.equal(csvField('x;+1;-2;@3'), `"x;'+1;'-2;'@3"`);
    const record = csvRecord(['id', note, '@me;-1\t=2']);
    // A reader that splits at ; or tab without minding quotes: no cell starts a formula.
    const cells = record.replace(/"/g, '').trimEnd().split(/[;\t,]/);
    assert.ok(cells.length > 3);
    for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@]/, cell);
    // A reader that minds quotes gets the fields back whole, guarded.
    assert.deepEqual(parseRfc4180(record), [['id', "Quelle geprüft;'=cmd|' /C calc'!A0;ok", "'@me;'-1\t'=2"]]);
  });

  it('ends each record with CRLF', () => {
    assert.equal(csvRecord(['a', 'b,c']), 'a,"b,c"\r\n');
  });
});
