import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/store/anchor';
import type { TextPosition } from '../../../src/core/store/annotation';
import { AnnotationStore, type NewAnnotation, type StoreOptions } from '../../../src/core/store/annotationStore';
import { parseAnnotationFile } from '../../../src/core/store/file';
import { Emitter } from '../../../src/core/store/emitter';
import { fileIdentity, writeFileAtomic } from '../../../src/core/store/fileIo';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'store');
const ARTICLE = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Der Konzern investiert 53 Milliarden.';

/** A clock that ticks one second per call, from a fixed start. */
function tickingClock(start = '2025-03-01T10:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** Ids a1, a2, ... per author. */
function counterIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

function options(author: string): StoreOptions {
  return { author, now: tickingClock(), newId: counterIds(author.toLowerCase()) };
}

function rangeOf(text: string, needle: string): TextPosition {
  const start = text.indexOf(needle);
  assert.ok(start >= 0);
  return { start, end: start + needle.length };
}

function claim(words: string, text = ARTICLE): NewAnnotation {
  const position = rangeOf(text, words);
  return { article: 'articles/qwen.md', status: 'verified', quote: makeQuote(text, position.start, position.end), position };
}

describe('store/AnnotationStore', () => {
  let dir: string;
  let filePath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-store-'));
    filePath = join(dir, '.ainews', 'annotations.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const readDisk = () => readFileSync(filePath, 'utf8');
  const diskIds = () => {
    const parsed = parseAnnotationFile(readDisk());
    assert.equal(parsed.kind, 'ok');
    return parsed.kind === 'ok' ? parsed.file.annotations.map((a) => a.id) : [];
  };

  it('starts empty without a file and creates it, canonical, on the first save', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    assert.deepEqual([store.annotations.length, store.readOnlyReason], [0, undefined]);
    assert.deepEqual(await store.save(), { kind: 'unchanged', saved: true });
    assert.deepEqual(readdirSync(dir), [], 'an empty store writes no file');
    assert.deepEqual(await store.save({ createEmpty: true }), { kind: 'written', saved: true });
    assert.equal(readDisk(), '{\n  "version": 1,\n  "annotations": []\n}\n');
    const added = store.add({ ...claim('in 12 von 14 Benchmarks'), note: 'Herstellerangabe' });
    assert.equal(added.id, 'anna1');
    assert.equal(added.author, 'Anna');
    assert.equal(store.pending.length, 1);
    assert.deepEqual(await store.save(), { kind: 'written', saved: true });
    assert.deepEqual(diskIds(), ['anna1']);
    assert.ok(readDisk().endsWith('}\n'));
    assert.deepEqual(store.pending, []);
    assert.deepEqual(readdirSync(join(dir, '.ainews')), ['annotations.json'], 'no temporary file is left behind');
  });

  it('uses a configured file path inside the folder and refuses one outside it', async () => {
    const store = await AnnotationStore.open(dir, 'team/verdicts.json', options('Anna'));
    store.add(claim('Qwen 2.5'));
    await store.save();
    assert.equal(parseAnnotationFile(readFileSync(join(dir, 'team', 'verdicts.json'), 'utf8')).kind, 'ok');
    await assert.rejects(AnnotationStore.open(dir, '../outside.json'), /inside the workspace folder/);
    await assert.rejects(AnnotationStore.open(dir, '/abs/outside.json'), /inside the workspace folder/);
  });

  it('refuses bad input with a message naming the field, and keeps the store unchanged', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    assert.throws(() => store.add({ ...claim('Qwen 2.5'), article: 'C:\\Users\\anna\\qwen.md' }), /article must be a path relative/);
    assert.throws(() => store.add({ ...claim('Qwen 2.5'), quote: { exact: '', prefix: '', suffix: '' } }), /quote\.exact must not be empty/);
    assert.equal(store.annotations.length, 0);
    const a = store.add(claim('Qwen 2.5'));
    assert.throws(() => store.update(a.id, { id: 'other' } as never), /"id" is kept by the annotation store/);
    assert.throws(() => store.update('nope', { note: 'x' }), /No annotation with id "nope"/);
  });

  it('records status changes in the history and bumps modified; a no-op patch changes nothing', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    const a = store.add(claim('Qwen 2.5'));
    assert.equal(a.history, undefined);
    const b = store.update(a.id, { status: 'disputed', note: 'Version unklar' }, 'Ben');
    assert.equal(b.status, 'disputed');
    assert.ok(b.modified > a.modified);
    assert.deepEqual(b.history, [
      { status: 'verified', at: a.created, author: 'Anna' },
      { status: 'disputed', at: b.modified, author: 'Ben' },
    ]);
    assert.equal(store.update(a.id, { status: 'disputed', note: 'Version unklar' }), b);
    const c = store.update(a.id, { evidence: ['https://example.org/a'], reviewBy: '2025-06-30', private: true });
    assert.deepEqual([c.evidence, c.reviewBy, c.private, c.history?.length], [['https://example.org/a'], '2025-06-30', true, 2]);
    const d = store.update(a.id, { evidence: [], reviewBy: null, private: false });
    assert.deepEqual([d.evidence, d.reviewBy, d.private], [undefined, undefined, undefined]);
  });

  it('never moves modified backwards, even when the clock does', async () => {
    const clock = ['2025-03-01T10:00:00.000Z', '2025-02-01T10:00:00.000Z'];
    const store = await AnnotationStore.open(dir, undefined, { now: () => new Date(clock.shift() ?? '2020-01-01T00:00:00.000Z') });
    const a = store.add(claim('Qwen 2.5'));
    const b = store.update(a.id, { note: 'später' });
    assert.ok(Date.parse(b.modified) > Date.parse(a.modified));
  });

  it('merges a teammate\'s saved changes into memory and keeps unsaved local changes', async () => {
    const anna = await AnnotationStore.open(dir, undefined, options('Anna'));
    const shared = anna.add(claim('Qwen 2.5'));
    const other = anna.add(claim('53 Milliarden'));
    await anna.save();
    const ben = await AnnotationStore.open(dir, undefined, options('Ben'));
    ben.update(shared.id, { status: 'disputed' });
    ben.add(claim('GPT-4o'));
    await ben.save();
    // Anna has an unsaved change of another annotation when the file changes under her.
    anna.update(other.id, { note: 'pro Jahr?' });
    await anna.reloadFromDisk();
    assert.equal(anna.get(shared.id)?.status, 'disputed');
    assert.equal(anna.get('ben1')?.quote.exact, 'GPT-4o');
    assert.equal(anna.get(other.id)?.note, 'pro Jahr?');
    assert.deepEqual(anna.pending.map((p) => [p.kind, p.id]), [['changed', other.id]]);
  });

  it('a stale copy never overwrites a teammate\'s work: save re-reads and merges first', async () => {
    const anna = await AnnotationStore.open(dir, undefined, options('Anna'));
    const x = anna.add(claim('Qwen 2.5'));
    const y = anna.add(claim('53 Milliarden'));
    await anna.save();
    const ben = await AnnotationStore.open(dir, undefined, options('Ben'));
    ben.update(x.id, { note: 'Ben war hier' });
    ben.remove(y.id);
    ben.add(claim('GPT-4o'));
    await ben.save();
    // Anna never reloaded; her copy is stale.
    anna.add(claim('in 12 von 14 Benchmarks'));
    assert.equal((await anna.save()).kind, 'written');
    assert.deepEqual(diskIds().sort(), ['anna1', 'anna3', 'ben1']);
    assert.equal(anna.get(x.id)?.note, 'Ben war hier');
    assert.equal(anna.get(y.id), undefined, 'the teammate\'s deletion is respected');
  });

  it('never writes over a file it cannot parse; says where the problem is and keeps changes pending', async () => {
    const anna = await AnnotationStore.open(dir, undefined, options('Anna'));
    anna.add(claim('Qwen 2.5'));
    await anna.save();
    const goodText = readDisk();
    const broken = goodText.replace('"status": "verified",', '"status": "verified"');
    writeFileSync(filePath, broken);
    await anna.reloadFromDisk();
    assert.match(anna.readOnlyReason ?? '', /cannot be read: line \d+, column \d+: JSON syntax error/);
    const added = anna.add(claim('GPT-4o'));
    const result = await anna.save();
    assert.equal(result.kind, 'blocked');
    assert.equal(result.saved, false);
    assert.equal(readDisk(), broken, 'the broken file is untouched');
    assert.deepEqual(anna.pending.map((p) => p.id), [added.id]);
    // Someone fixes the file.
    writeFileSync(filePath, goodText);
    await anna.reloadFromDisk();
    assert.equal(anna.readOnlyReason, undefined);
    assert.equal((await anna.save()).kind, 'written');
    assert.deepEqual(diskIds(), ['anna1', 'anna2']);
  });

  it('blocks a save when the file turned invalid since it was last read', async () => {
    const anna = await AnnotationStore.open(dir, undefined, options('Anna'));
    anna.add(claim('Qwen 2.5'));
    await anna.save();
    writeFileSync(filePath, '{"version": 1, "annotations": [{"id": 5}]}');
    anna.add(claim('GPT-4o'));
    const result = await anna.save();
    assert.equal(result.kind, 'blocked');
    assert.match(result.kind === 'blocked' ? result.reason : '', /line 1, column 32: annotations\[0\] is missing "article" \(and 8 more\)/);
    assert.equal(readDisk(), '{"version": 1, "annotations": [{"id": 5}]}');
  });

  it('opens a newer version read-only, shows it, and never rewrites it', async () => {
    mkdirSync(join(dir, '.ainews'));
    const newer = readFileSync(join(FIXTURES, 'valid.json'), 'utf8').replace('"version": 1', '"version": 3');
    writeFileSync(filePath, newer);
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    assert.match(store.readOnlyReason ?? '', /newer version of AI News Annotator \(file version 3, this one knows 2\)/);
    assert.equal(store.annotations.length, 2);
    store.update(store.annotations[0].id, { note: 'lokal' });
    assert.equal((await store.save()).kind, 'blocked');
    assert.equal(readDisk(), newer);
  });

  it('proposes a merge for a file with conflict markers and writes it only when accepted', async () => {
    mkdirSync(join(dir, '.ainews'));
    copyFileSync(join(FIXTURES, 'conflicted.json'), filePath);
    const conflicted = readDisk();
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    assert.match(store.readOnlyReason ?? '', /conflict markers/);
    const proposal = store.conflictProposal;
    assert.deepEqual(proposal?.merged.annotations.map((a) => a.id), ['common000000000000001', 'ours00000000000000001', 'theirs00000000000001']);
    const mine = store.add({ ...claim('Qwen'), article: 'c.md' });
    assert.equal((await store.save()).kind, 'blocked');
    assert.equal(readDisk(), conflicted, 'nothing is written before the user accepts');
    assert.deepEqual(await store.acceptConflictResolution(), { kind: 'written', saved: true });
    assert.deepEqual(diskIds(), ['common000000000000001', 'ours00000000000000001', 'theirs00000000000001', mine.id]);
    assert.equal(store.readOnlyReason, undefined);
    assert.equal(store.conflictProposal, undefined);
  });

  it('refuses to accept a proposal once the file changed again', async () => {
    mkdirSync(join(dir, '.ainews'));
    copyFileSync(join(FIXTURES, 'conflicted.json'), filePath);
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    writeFileSync(filePath, readFileSync(join(FIXTURES, 'valid.json')));
    const result = await store.acceptConflictResolution();
    assert.match(result.kind === 'blocked' ? result.reason : '', /changed on disk since the proposal/);
    assert.equal(store.readOnlyReason, undefined);
    assert.equal(store.annotations.length, 2);
  });

  it('follows a checkout that removes the file, and one that brings it back', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    store.add(claim('Qwen 2.5'));
    await store.save();
    const text = readDisk();
    rmSync(filePath);
    await store.reloadFromDisk();
    assert.equal(store.annotations.length, 0);
    writeFileSync(filePath, text);
    await store.reloadFromDisk();
    assert.equal(store.annotations.length, 1);
  });

  it('keeps changes made while a save is in flight', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    store.add(claim('Qwen 2.5'));
    const saving = store.save();
    const late = store.add(claim('GPT-4o'));
    await saving;
    assert.ok(store.get(late.id));
    await store.save();
    assert.ok(diskIds().includes(late.id));
  });

  it('reports changes to listeners until disposed', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    const reasons: string[] = [];
    const subscription = store.onDidChange((e) => reasons.push(e.reason));
    const a = store.add(claim('Qwen 2.5'));
    await store.save();
    assert.equal(store.movePositions(new Map([[a.id, { start: 0, end: 4 }], ['unknown', { start: 1, end: 2 }]])), 1);
    subscription.dispose();
    store.remove(a.id);
    assert.deepEqual(reasons, ['local', 'positions'], 'a save that writes what memory holds is no change');
  });

  it('lets a person re-anchor an annotation on new words', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    const qwen = store.add(claim('Qwen 2.5'));
    const fixed = rangeOf(ARTICLE, 'Das Modell');
    const reanchored = store.reanchor(qwen.id, makeQuote(ARTICLE, fixed.start, fixed.end), fixed);
    assert.ok(reanchored.modified > qwen.modified);
    assert.deepEqual(store.get(qwen.id)?.position, fixed);
  });

  it('follows a renamed article or folder', async () => {
    const store = await AnnotationStore.open(dir, undefined, options('Anna'));
    store.add(claim('Qwen 2.5'));
    store.add({ ...claim('GPT-4o'), article: 'other.md' });
    assert.equal(store.renameArticle('articles', 'archiv/2025'), 1);
    assert.deepEqual(store.annotations.map((a) => a.article), ['archiv/2025/qwen.md', 'other.md']);
  });
});

describe('store/writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ainews-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file in one step and cleans up when told not to replace', async () => {
    const path = join(dir, 'sub', 'f.json');
    const identity = await writeFileAtomic(path, 'eins\n');
    assert.equal(readFileSync(path, 'utf8'), 'eins\n');
    assert.equal(identity, await fileIdentity(path), 'the identity returned is that of the file now on disk');
    assert.equal(await writeFileAtomic(path, 'zwei\n', async () => false), null);
    assert.equal(readFileSync(path, 'utf8'), 'eins\n');
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['f.json']);
  });
});

describe('store/Emitter', () => {
  it('calls every listener even when one throws, and hands the error over instead of throwing', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>((e) => errors.push(e));
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('view failed');
    });
    emitter.event((n) => seen.push(n));
    emitter.fire(1);
    assert.deepEqual(seen, [1]);
    assert.match(String(errors[0]), /view failed/);
  });
});
