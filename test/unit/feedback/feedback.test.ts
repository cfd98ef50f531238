import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, NO_MODELS } from '../../../src/core/analysis';
import { addCorrections, applyFeedback, mergeFeedbackFiles, newCorrection, parseFeedbackFile, readFeedback, serializeFeedbackFile, type Correction, type FeedbackFile } from '../../../src/core/feedback';
import { feedbackFileWarning } from '../../../src/core/feedback/feedbackStore';
import { englishL10n } from '../../../src/core/labels/l10n';
import { makeQuote } from '../../../src/core/store/anchor';

const ARTICLE = [
  'OpenAI hat am Mittwoch GPT-5 vorgestellt.',
  '',
  'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.',
  '',
  'Wir finden das spannend.',
].join('\n');

function correctionAt(text: string, words: string, kind: Correction['kind'], extra: Partial<Correction> = {}): Correction {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" not in text`);
  return { id: `c-${kind}-${start}`, article: 'a.md', kind, quote: makeQuote(text, start, start + words.length), position: { start, end: start + words.length }, author: 'Ana', created: '2026-12-07T10:00:00Z', ...extra };
}

function file(...corrections: Correction[]): FeedbackFile {
  return { version: 1, corrections };
}

describe('feedback: the file', () => {
  it('round-trips, keeps unknown fields and sorts corrections stably', () => {
    const b = { ...correctionAt(ARTICLE, 'Gemini', 'not-an-entity'), created: '2026-12-07T11:00:00Z', reviewedBy: 'Bo' };
    const a = correctionAt(ARTICLE, 'OpenAI', 'wrong-entity-type', { type: 'org' });
    const parsed = parseFeedbackFile(serializeFeedbackFile(file(b, a)));
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind !== 'ok') return;
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.file.corrections.map((c) => c.id), [a.id, b.id]);
    assert.equal((parsed.file.corrections[1] as Correction & { reviewedBy?: string }).reviewedBy, 'Bo');
  });

  it('leaves out invalid corrections with a message naming each, and refuses what is not a feedback file', () => {
    const good = correctionAt(ARTICLE, 'Gemini', 'not-an-entity');
    const text = JSON.stringify({ version: 1, corrections: [good, { ...good, id: 'x', kind: 'wrong-entity-type' }, { ...good, id: 'y', article: '../out.md' }, good] });
    const parsed = parseFeedbackFile(text);
    assert.equal(parsed.kind, 'ok');
    if (parsed.kind !== 'ok') return;
    assert.equal(parsed.file.corrections.length, 1);
    assert.match(parsed.problems[0], /^correction 2: type/);
    assert.match(parsed.problems[1], /^correction 3: article/);
    assert.match(parsed.problems[2], /^correction 4: the id .* occurs twice/);
    assert.equal(parseFeedbackFile('{"annotations": []}').kind, 'invalid');
    assert.equal(parseFeedbackFile('not json').kind, 'invalid');
    assert.match((parseFeedbackFile('{"version": 9, "corrections": []}') as { message: string }).message, /newer version/);
  });

  it('refuses a key written twice (JSON.parse would keep only the last), at its line and column', () => {
    const a = correctionAt(ARTICLE, 'OpenAI', 'not-an-entity');
    const b = correctionAt(ARTICLE, 'Gemini', 'not-an-entity');
    // A hand-resolved merge that kept both sides' lists.
    const twice = `{\n  "version": 1,\n  "corrections": [${JSON.stringify(a)}],\n  "corrections": [${JSON.stringify(b)}]\n}\n`;
    assert.deepEqual(parseFeedbackFile(twice), { kind: 'invalid', message: 'line 4, column 3: Duplicate key "corrections" (JSON readers keep only one of them; remove the other)' });
    // Inside a correction, and under a name the key count cannot see (it ends in neither a letter nor a digit).
    const inside = JSON.stringify({ version: 1, corrections: [a] }).replace('"author":', '"author":"Bo","author":');
    assert.match((parseFeedbackFile(inside) as { message: string }).message, /^line 1, column \d+: Duplicate key "author"/);
    const odd = JSON.stringify({ version: 1, corrections: [{ ...a, 'x-': 1 }] }).replace('"x-":1', '"x-":1,"x-":2');
    assert.match((parseFeedbackFile(odd) as { message: string }).message, /Duplicate key "x-"/);
    // Unknown fields of any name are still kept when no key occurs twice.
    const unusual = parseFeedbackFile(JSON.stringify({ version: 1, note: 'ok', corrections: [{ ...a, 'x-': 1, '': 2, 'ü': 3 }] }));
    assert.equal(unusual.kind, 'ok', JSON.stringify(unusual));
  });

  it('names a JSON syntax error with line and column', () => {
    assert.deepEqual(parseFeedbackFile('{\n  "version": 1,\n  "corrections": [,]\n}'), { kind: 'invalid', message: "line 3, column 19: JSON syntax error: Expected a JSON value but found ','" });
  });
});

describe('feedback: merge by id', () => {
  const a = correctionAt(ARTICLE, 'OpenAI', 'not-an-entity');
  const b = correctionAt(ARTICLE, 'Gemini', 'wrong-entity-type', { type: 'product' });
  const c = correctionAt(ARTICLE, 'Wir finden das spannend.', 'not-a-claim');

  it('keeps what either side added', () => {
    assert.deepEqual(mergeFeedbackFiles(file(a), file(a, b), file(a, c)).corrections.map((x) => x.id).sort(), [a.id, b.id, c.id].sort());
  });

  it('removes what one side removed and the other left unchanged; a change on the other side wins', () => {
    assert.deepEqual(mergeFeedbackFiles(file(a, b), file(a), file(a, b)).corrections.map((x) => x.id), [a.id]);
    const changed = { ...b, type: 'other' as const };
    assert.deepEqual(mergeFeedbackFiles(file(a, b), file(a), file(a, changed)).corrections.find((x) => x.id === b.id), changed);
  });

  it('is the same whichever side is ours when both changed one correction', () => {
    const mine = { ...b, type: 'other' as const };
    const theirs = { ...b, type: 'person' as const };
    assert.deepEqual(mergeFeedbackFiles(file(b), file(mine), file(theirs)).corrections, mergeFeedbackFiles(file(b), file(theirs), file(mine)).corrections);
  });
});

describe('feedback: honoured by the analysis', () => {
  const claimsOf = (text: string, feedback: Correction[] = []) => analyze(text, { models: NO_MODELS, feedback, claimThreshold: 0 }).findings.filter((f) => f.kind === 'claim').map((f) => f.text);
  const entitiesOf = (text: string, feedback: Correction[] = []) => analyze(text, { models: NO_MODELS, feedback }).findings.filter((f) => f.kind === 'entity').map((f) => `${f.text}/${f.type}`);

  it('drops a claim marked "not a claim" and an entity marked "not an entity", and retypes one', () => {
    const sentence = 'Das Modell übertrifft laut Hersteller Gemini in 12 von 14 Benchmarks.';
    assert.ok(claimsOf(ARTICLE).includes(sentence));
    assert.ok(!claimsOf(ARTICLE, [correctionAt(ARTICLE, sentence, 'not-a-claim')]).includes(sentence));
    assert.ok(entitiesOf(ARTICLE).includes('OpenAI/org'));
    assert.ok(!entitiesOf(ARTICLE, [correctionAt(ARTICLE, 'OpenAI', 'not-an-entity')]).some((e) => e.startsWith('OpenAI/')));
    assert.ok(entitiesOf(ARTICLE, [correctionAt(ARTICLE, 'OpenAI', 'wrong-entity-type', { type: 'person' })]).includes('OpenAI/person'));
  });

  it('follows its words after the article was edited, and touches nothing else', () => {
    const correction = correctionAt(ARTICLE, 'OpenAI', 'not-an-entity');
    const edited = `Vorspann mit OpenAI-Bezug? Nein.\n\n${ARTICLE.replace('am Mittwoch', 'gestern')}`;
    const before = entitiesOf(edited);
    const after = entitiesOf(edited, [correction]);
    const openAiBefore = before.filter((e) => e.startsWith('OpenAI/')).length;
    assert.equal(after.filter((e) => e.startsWith('OpenAI/')).length, openAiBefore - 1);
    assert.equal(after.length, before.length - 1);
  });

  it('changes nothing when its words are gone, and never changes the findings it was given', () => {
    const correction = correctionAt(ARTICLE, 'Gemini', 'not-an-entity');
    const findings = analyze(ARTICLE, { models: NO_MODELS }).findings;
    const copy = JSON.stringify(findings);
    const withoutWords = ARTICLE.replace(/Das Modell.*\n/, '');
    assert.equal(applyFeedback(withoutWords, analyze(withoutWords, { models: NO_MODELS }).findings, [correction]).length, analyze(withoutWords, { models: NO_MODELS }).findings.length);
    applyFeedback(ARTICLE, findings, [correctionAt(ARTICLE, 'OpenAI', 'wrong-entity-type', { type: 'place' })]);
    assert.equal(JSON.stringify(findings), copy);
  });
});

describe('feedback: the store', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ainews-feedback-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('creates the file, and adds to what another writer saved meanwhile', async () => {
    const a = correctionAt(ARTICLE, 'OpenAI', 'not-an-entity');
    const b = correctionAt(ARTICLE, 'Gemini', 'not-an-entity');
    await addCorrections(folder, [a]);
    await Promise.all([addCorrections(folder, [b]), addCorrections(folder, [{ ...a, id: 'third' }])]);
    const read = await readFeedback(folder);
    assert.equal(read.kind, 'ok');
    if (read.kind === 'ok') assert.deepEqual(read.file.corrections.map((c) => c.id).sort(), [a.id, b.id, 'third'].sort());
  });

  it('writes nothing over a file it cannot read whole, and says why', async () => {
    await mkdir(join(folder, '.ainews'));
    const broken = '{"version": 1, "corrections": [{"id": 1}]}';
    await writeFile(join(folder, '.ainews/feedback.json'), broken);
    await assert.rejects(addCorrections(folder, [correctionAt(ARTICLE, 'OpenAI', 'not-an-entity')]), /correction 1: id .*not saved/);
    assert.equal(await readFile(join(folder, '.ainews/feedback.json'), 'utf8'), broken);
  });

  it('never rewrites a file with a key written twice: both lists stay on disk', async () => {
    await mkdir(join(folder, '.ainews'));
    const a = correctionAt(ARTICLE, 'OpenAI', 'not-an-entity');
    const b = correctionAt(ARTICLE, 'Gemini', 'not-an-entity');
    const twice = `{\n  "version": 1,\n  "corrections": [${JSON.stringify(a)}],\n  "corrections": [${JSON.stringify(b)}]\n}\n`;
    await writeFile(join(folder, '.ainews/feedback.json'), twice);
    assert.deepEqual(await readFeedback(folder), { kind: 'unusable', message: '.ainews/feedback.json: line 4, column 3: Duplicate key "corrections" (JSON readers keep only one of them; remove the other)' });
    await assert.rejects(addCorrections(folder, [{ ...a, id: 'third' }]), /line 4, column 3: Duplicate key "corrections".*not saved/);
    assert.equal(await readFile(join(folder, '.ainews/feedback.json'), 'utf8'), twice);
  });
});

describe('feedback: a new correction and what the editor says about the file', () => {
  it('anchors a correction like the file holds it, with a type only when one is given', () => {
    const start = ARTICLE.indexOf('Gemini');
    const span = { start, end: start + 'Gemini'.length };
    const now = new Date('2026-12-07T10:00:00Z');
    const typed = newCorrection({ article: 'a.md', text: ARTICLE, span }, 'wrong-entity-type', 'product', 'Ana', now, 'c-1');
    assert.deepEqual(typed, { ...correctionAt(ARTICLE, 'Gemini', 'wrong-entity-type', { type: 'product' }), id: 'c-1', created: '2026-12-07T10:00:00.000Z' });
    const plain = newCorrection({ article: 'a.md', text: ARTICLE, span }, 'not-an-entity', undefined, 'Ana', now);
    assert.ok(!('type' in plain) && plain.id.length > 0);
    const parsed = parseFeedbackFile(serializeFeedbackFile({ version: 1, corrections: [typed, plain] }));
    assert.ok(parsed.kind === 'ok' && parsed.problems.length === 0 && parsed.file.corrections.length === 2, 'the file takes both');
  });

  it('warns about an unusable file or corrections left out, names inert, and says nothing otherwise', () => {
    const empty = { version: 1, corrections: [] };
    assert.equal(feedbackFileWarning(englishL10n, 'news', { kind: 'ok', file: empty, problems: [], realPath: '/x' }), undefined);
    assert.equal(feedbackFileWarning(englishL10n, '[n](command:x)', { kind: 'unusable', message: 'not JSON' }), '.ainews/feedback.json in [n]\u200b(command:x): not JSON');
    assert.match(feedbackFileWarning(englishL10n, 'news', { kind: 'ok', file: empty, problems: ['correction 2: no quote'], realPath: '/x' }) ?? '', /^\.ainews\/feedback\.json in news: .*correction 2: no quote/);
  });
});
