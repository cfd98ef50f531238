import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeFeedbackFile, type Correction } from '../../../src/core/feedback';
import { makeQuote } from '../../../src/core/store/anchor';

const DIST = join(__dirname, '../../../../dist');

function run(script: string, args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [join(DIST, script), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const ARTICLE = [
  '# OpenAI stellt GPT-5 vor',
  '',
  'OpenAI hat am Mittwoch GPT-5 vorgestellt. Laut Sam Altman ist das Modell schneller.',
  '',
  'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.',
  '',
].join('\n');
const CLAIM = 'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.';

function correction(words: string, kind: Correction['kind'], extra: Partial<Correction> = {}): Correction {
  const start = ARTICLE.indexOf(words);
  return { id: `${kind}-${start}`, article: 'articles/gpt5.md', kind, quote: makeQuote(ARTICLE, start, start + words.length), position: { start, end: start + words.length }, author: 'Ana', created: '2026-12-07T10:00:00Z', ...extra };
}

type ScanJson = { findings: { kind: string; text: string; type: string | null }[] }[];

describe('cli: the team feedback in scan, eval and feedback export', function () {
  this.timeout(60_000);
  let root: string;
  const corrections = [
    correction(CLAIM, 'not-a-claim'),
    correction('Gemini', 'not-an-entity'),
    correction('Sam Altman', 'wrong-entity-type', { type: 'other' }),
  ];
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-cli-feedback-'));
    mkdirSync(join(root, 'articles'));
    mkdirSync(join(root, '.ainews'));
    writeFileSync(join(root, 'articles/gpt5.md'), ARTICLE);
    writeFileSync(join(root, '.ainews/feedback.json'), serializeFeedbackFile({ version: 1, corrections }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const scan = (args: string[], cwd: string) => {
    const r = run('cli.js', ['scan', '--json', '--threshold', '0', ...args], cwd);
    assert.equal(r.code, 0, r.err);
    return (JSON.parse(r.out) as ScanJson)[0].findings;
  };

  it('scan honours the nearest .ainews/feedback.json, or the one named with --feedback', () => {
    const honoured = scan(['gpt5.md'], join(root, 'articles'));
    assert.ok(!honoured.some((f) => f.kind === 'claim' && f.text === CLAIM));
    assert.ok(!honoured.some((f) => f.kind === 'entity' && f.text === 'Gemini'));
    assert.equal(honoured.find((f) => f.kind === 'entity' && f.text === 'Sam Altman')?.type, 'other');

    const elsewhere = mkdtempSync(join(tmpdir(), 'ainews-cli-nofeedback-'));
    try {
      const plain = scan([join(root, 'articles/gpt5.md')], elsewhere);
      assert.ok(plain.some((f) => f.kind === 'claim' && f.text === CLAIM));
      assert.ok(plain.some((f) => f.kind === 'entity' && f.text === 'Gemini'));
      assert.equal(plain.find((f) => f.kind === 'entity' && f.text === 'Sam Altman')?.type, 'person');
      const named = scan(['--feedback', join(root, '.ainews/feedback.json'), join(root, 'articles/gpt5.md')], elsewhere);
      assert.deepEqual(named, honoured);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('scan names a feedback file that is not one and goes on without it (named with --feedback: a usage error), and leaves out an invalid correction with a message', () => {
    writeFileSync(join(root, '.ainews/feedback.json'), '{"annotations": []}');
    const found = run('cli.js', ['scan', '--json', '--threshold', '0', 'gpt5.md'], join(root, 'articles'));
    assert.equal(found.code, 0, found.err);
    assert.match(found.err, /feedback\.json: expected an object with a "corrections" array; going on without the team's corrections/);
    assert.ok((JSON.parse(found.out) as ScanJson)[0].findings.some((f) => f.kind === 'claim' && f.text === CLAIM), 'scanned, uncorrected');
    const named = run('cli.js', ['scan', '--feedback', join(root, '.ainews/feedback.json'), 'gpt5.md'], join(root, 'articles'));
    assert.equal(named.code, 2);
    assert.match(named.err, /feedback\.json: expected an object with a "corrections" array/);
    writeFileSync(join(root, '.ainews/feedback.json'), '{"version": 1, "corrections": [], "corrections": []}');
    const twice = run('cli.js', ['scan', 'gpt5.md'], join(root, 'articles'));
    assert.equal(twice.code, 0);
    assert.match(twice.err, /feedback\.json: line 1, column 35: Duplicate key "corrections"/);
    writeFileSync(join(root, '.ainews/feedback.json'), JSON.stringify({ version: 1, corrections: [{ ...corrections[1], kind: 'maybe' }, corrections[0]] }));
    const partly = run('cli.js', ['scan', '--json', '--threshold', '0', 'gpt5.md'], join(root, 'articles'));
    assert.equal(partly.code, 0);
    assert.match(partly.err, /correction 1: kind must be one of/);
    assert.ok(!(JSON.parse(partly.out) as ScanJson)[0].findings.some((f) => f.kind === 'claim' && f.text === CLAIM));
  });

  it('feedback export writes corpora records: a claim record per "not a claim", an NER record of the sentence per entity correction', () => {
    const r = run('cli.js', ['feedback', 'export', '--root', root, '--out', join(root, 'examples.jsonl')], root);
    assert.equal(r.code, 0, r.err);
    const records = readFileSync(join(root, 'examples.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const claim = records.find((x) => 'label' in x);
    assert.deepEqual(claim, { id: `feedback-${corrections[0].id}`, lang: 'de', text: CLAIM, label: 0, source_label: 'feedback:not-a-claim' });
    const ner = records.filter((x) => 'spans' in x) as { text: string; lang: string; spans: { start: number; end: number; label: string; text: string; source: string }[]; feedback: string }[];
    assert.equal(ner.length, 2);
    const notEntity = ner.find((x) => x.feedback === 'not-an-entity');
    assert.equal(notEntity?.text, CLAIM);
    assert.ok(!notEntity?.spans.some((s) => s.text === 'Gemini'));
    const retyped = ner.find((x) => x.feedback === 'wrong-entity-type');
    assert.equal(retyped?.text, 'Laut Sam Altman ist das Modell schneller.');
    const altman = retyped?.spans.find((s) => s.text === 'Sam Altman');
    assert.deepEqual(altman && { label: altman.label, source: altman.source, inText: retyped?.text.slice(altman.start, altman.end) }, { label: 'other', source: 'team', inText: 'Sam Altman' });
    for (const record of records) assert.ok(['de', 'en'].includes(record.lang as string) && typeof record.id === 'string' && typeof record.text === 'string');
    assert.equal(run('cli.js', ['feedback', 'export', '--root', root, '--kind', 'claims'], root).out.trim().split('\n').length, 1);
  });

  it('feedback export names a correction whose words are gone, and still exports the rest', () => {
    writeFileSync(join(root, 'articles/gpt5.md'), ARTICLE.replace('Laut Sam Altman ist das Modell schneller.', ''));
    const r = run('cli.js', ['feedback', 'export', '--root', root], root);
    assert.equal(r.code, 0);
    assert.match(r.err, /correction wrong-entity-type-\d+ skipped: "Sam Altman" is no longer in articles\/gpt5\.md/);
    assert.equal(r.out.trim().split('\n').length, 2);
  });

  it('eval honours --feedback on the gold articles it names', () => {
    const labels = join(root, 'labels');
    mkdirSync(labels);
    const start = ARTICLE.indexOf(CLAIM);
    writeFileSync(join(labels, 'gpt5.json'), JSON.stringify({ source: 'gpt5.md', numbers: [], entities: [], claims: [{ start, end: start + CLAIM.length, text: CLAIM }] }));
    const score = (args: string[]) => {
      const r = run('eval.js', ['--labels', labels, '--texts', join(root, 'articles'), ...args], join(root, 'articles'));
      assert.equal(r.code, 0, r.err);
      const row = /\n\s+claim\s+(\d+)\s+(\d+)\s+(\d+)/.exec(r.out);
      assert.ok(row, r.out);
      return { gold: Number(row[1]), hits: Number(row[3]), out: r.out };
    };
    const honoured = score([]);
    assert.match(honoured.out, /honouring the team's corrections in .*feedback\.json \(3\)/);
    assert.equal(honoured.hits, 0);
    writeFileSync(join(root, '.ainews/feedback.json'), serializeFeedbackFile({ version: 1, corrections: [] }));
    assert.equal(score([]).hits, 1);
  });
});
