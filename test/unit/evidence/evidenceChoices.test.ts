import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  archiveBytes,
  checkArchivedCopy,
  evidenceListing,
  evidenceNamed,
  evidenceSourceOf,
  readArchivedCopyText,
  sourceReference,
  webAddressProblem,
} from '../../../src/core/evidence';
import type { Evidence } from '../../../src/core/store/annotation';

describe('evidence: what a source is', () => {
  it('accepts http and https addresses only', () => {
    assert.equal(webAddressProblem(' https://example.org/source '), undefined);
    assert.equal(webAddressProblem('http://example.org'), undefined);
    assert.equal(webAddressProblem('ftp://example.org'), 'not-http');
    assert.equal(webAddressProblem('javascript:alert(1)'), 'not-http');
    assert.equal(webAddressProblem('example.org/source'), 'not-an-address');
  });

  it('takes the source from command arguments, a file before a link', () => {
    assert.deepEqual(evidenceSourceOf({ link: 'https://a.example', file: '/tmp/mail.eml' }), { kind: 'file', path: '/tmp/mail.eml' });
    assert.deepEqual(evidenceSourceOf({ link: 'https://a.example' }), { kind: 'url', url: 'https://a.example' });
    assert.equal(evidenceSourceOf({}), undefined);
    assert.equal(evidenceSourceOf(undefined), undefined);
  });

  it('names a local file by its name only', () => {
    assert.equal(sourceReference({ kind: 'file', path: '/home/anna/Downloads/press.pdf' }), 'press.pdf');
    assert.equal(sourceReference({ kind: 'url', url: 'https://a.example/x' }), 'https://a.example/x');
  });
});

describe('evidence: listing and choosing items', () => {
  const archive = { file: `.ainews/evidence/${'a'.repeat(64)}.html`, sha256: 'a'.repeat(64), fetched: '2025-02-03T10:00:00.000Z', contentType: 'text/html' };
  const items: Evidence[] = ['https://a.example', { url: 'https://b.example', title: 'Press release', archive }, { url: 'https://b.example' }];

  it('lists a link by its address, an item by its title with the address under it, and the day of its copy', () => {
    assert.deepEqual(evidenceListing(items[0]), { label: 'https://a.example' });
    assert.deepEqual(evidenceListing(items[1]), { label: 'Press release', detail: 'https://b.example', archivedOn: '2025-02-03' });
    assert.deepEqual(evidenceListing(items[2]), { label: 'https://b.example' });
  });

  it('offers every item of an address, or all without one', () => {
    assert.deepEqual(evidenceNamed(items, 'https://b.example'), [items[1], items[2]]);
    assert.deepEqual(evidenceNamed(items, 'https://c.example'), []);
    assert.deepEqual(evidenceNamed(items, undefined), items);
  });
});

describe('evidence: whether an archived copy may be opened', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-open-copy-'));
    outside = mkdtempSync(join(tmpdir(), 'ainews-open-outside-'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('opens an intact copy as what it is, and one whose bytes changed with a warning', async () => {
    const html = await archiveBytes(root, new TextEncoder().encode('<p>Ja.</p>'), 'text/html; charset=utf-8');
    assert.deepEqual(await checkArchivedCopy(root, html), { kind: 'ok', changed: false, opening: 'text' });
    const pdf = await archiveBytes(root, new TextEncoder().encode('%PDF-1.4'), 'application/pdf');
    assert.deepEqual(await checkArchivedCopy(root, pdf), { kind: 'ok', changed: false, opening: 'external' });
    writeFileSync(join(root, pdf.file), '%PDF-1.4 changed');
    assert.deepEqual(await checkArchivedCopy(root, pdf), { kind: 'ok', changed: true, opening: 'external' });
  });

  it('refuses a record that names another file, a missing copy, and a copy that leads outside the workspace', async () => {
    assert.deepEqual(await checkArchivedCopy(root, { file: 'package.json', sha256: 'b'.repeat(64), fetched: '', contentType: 'text/plain' }), { kind: 'misnamed' });
    const missing = { file: `.ainews/evidence/${'c'.repeat(64)}.txt`, sha256: 'c'.repeat(64), fetched: '', contentType: 'text/plain' };
    assert.deepEqual(await checkArchivedCopy(root, missing), { kind: 'missing' });
    const linked = { file: `.ainews/evidence/${'d'.repeat(64)}.txt`, sha256: 'd'.repeat(64), fetched: '', contentType: 'text/plain' };
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    mkdirSync(join(root, '.ainews', 'evidence'), { recursive: true });
    symlinkSync(join(outside, 'secret.txt'), join(root, linked.file));
    assert.equal((await checkArchivedCopy(root, linked)).kind, 'refused');
    assert.equal((await readArchivedCopyText(root, linked.file, 1024)).kind, 'refused');
  });

  it('reads a copy as text through the same guards, within the size limit', async () => {
    const copy = await archiveBytes(root, new TextEncoder().encode('Grüße'), 'text/plain; charset=utf-8');
    assert.deepEqual(await readArchivedCopyText(root, copy.file, 1024), { kind: 'text', text: 'Grüße' });
    assert.equal((await readArchivedCopyText(root, copy.file, 2)).kind, 'refused');
    assert.deepEqual(await readArchivedCopyText(root, `.ainews/evidence/${'e'.repeat(64)}.txt`, 1024), { kind: 'missing' });
  });
});
