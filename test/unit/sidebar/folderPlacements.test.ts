import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlacedAnnotation } from '../../../src/core/session/articleSession';
import { FolderPlacements, type FolderToPlace } from '../../../src/core/sidebar/folderPlacements';
import { makeQuote } from '../../../src/core/store/anchor';
import type { Annotation } from '../../../src/core/store/annotation';
import { DEFAULT_TEAM } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';

const TEXT = 'Qwen 2.5 ist da. Alibaba nennt 53 Milliarden.';

function on(text: string, words: string, overrides: Partial<Annotation>): Annotation {
  const start = text.indexOf(words);
  return sampleAnnotation({ quote: makeQuote(text, start, start + words.length), position: { start, end: start + words.length }, ...overrides });
}

describe('sidebar: placing a folder\'s annotations for the Annotations view', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ainews-placements-'));
    mkdirSync(join(root, 'articles'));
    writeFileSync(join(root, 'articles', 'b.md'), TEXT);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const request = (annotations: Annotation[], overrides: Partial<FolderToPlace> = {}): FolderToPlace => ({
    root,
    annotations,
    open: () => undefined,
    now: new Date('2025-03-01T00:00:00Z'),
    maxVerifiedAgeDays: 180,
    ...overrides,
  });
  const states = (placed: readonly PlacedAnnotation[]): string[] => placed.map((p) => `${p.annotation.id}:${p.state}`);

  it('reads closed articles from disk, in path order; an article that cannot be read has only orphans', async () => {
    const annotations = [on(TEXT, '53 Milliarden', { id: 'b1', article: 'articles/b.md' }), on(TEXT, 'Qwen', { id: 'gone', article: 'articles/a.md' })];
    const placed = await new FolderPlacements().placed('f', () => request(annotations));
    assert.deepEqual(placed.map((a) => [a.article, states(a.placed)]), [['articles/a.md', ['gone:orphaned']], ['articles/b.md', ['b1:exact']]]);
    assert.deepEqual(placed[1].placed[0].span, { start: TEXT.indexOf('53'), end: TEXT.indexOf('53') + 13 });
  });

  it('takes an open article\'s placements from its snapshot instead of the disk', async () => {
    const annotation = on(TEXT, 'Qwen', { id: 'b1', article: 'articles/b.md' });
    const live: PlacedAnnotation[] = [{ annotation, state: 'moved', span: { start: 100, end: 104 }, flags: [] }];
    const placed = await new FolderPlacements().placed('f', () => request([annotation], { open: (article) => (article === 'articles/b.md' ? live : undefined) }));
    assert.deepEqual(placed[0].placed, live);
  });

  it('places a folder once until the next refresh, and reads a closed article again only when it or its annotations changed', async () => {
    const placements = new FolderPlacements();
    let annotations = [on(TEXT, 'Alibaba', { id: 'b1', article: 'articles/b.md' })];
    let asked = 0;
    const place = (): Promise<{ article: string; placed: PlacedAnnotation[] }[]> => placements.placed('f', () => {
      asked += 1;
      return request(annotations);
    });
    const first = await place();
    assert.equal(await place(), first, 'the same placements until a refresh');
    assert.equal(asked, 1);

    placements.refresh();
    const unchanged = await place();
    assert.notEqual(unchanged, first);
    assert.equal(unchanged[0].placed, first[0].placed, 'nothing changed: the kept placements, not read again');

    annotations = [{ ...annotations[0], note: 'Quelle?' }];
    placements.refresh();
    const renoted = await place();
    assert.notEqual(renoted[0].placed, first[0].placed, 'a changed annotation is placed again');

    writeFileSync(join(root, 'articles', 'b.md'), 'Qwen 2.5 ist da.');
    placements.refresh();
    assert.deepEqual(states((await place())[0].placed), ['b1:orphaned'], 'a changed file is read again');
  });

  it('shares one placing between callers that ask at once', async () => {
    const placements = new FolderPlacements();
    const annotations = [on(TEXT, 'Qwen', { id: 'b1', article: 'articles/b.md' })];
    const [a, b] = await Promise.all([placements.placed('f', () => request(annotations)), placements.placed('f', () => request(annotations))]);
    assert.equal(a, b);
    // A refresh while a closed article is still being read: the second placing waits for the same read.
    const fresh = new FolderPlacements();
    const first = fresh.placed('f', () => request(annotations));
    fresh.refresh();
    const second = fresh.placed('f', () => request(annotations));
    const [c, d] = await Promise.all([first, second]);
    assert.notEqual(c, d);
    assert.equal(c[0].placed, d[0].placed, 'one read of the article for both');
  });

  it('leaves others\' verdicts out under the blind double check until I gave mine', async () => {
    const annotations = [on(TEXT, 'Alibaba nennt 53 Milliarden', { id: 'ben', author: 'Ben', status: 'disputed', article: 'articles/b.md' })];
    const blind = { team: DEFAULT_TEAM, me: 'Anna' };
    assert.deepEqual(await new FolderPlacements().placed('f', () => request(annotations, { blind })), [{ article: 'articles/b.md', placed: [] }]);
    const mine = on(TEXT, 'Alibaba nennt 53 Milliarden', { id: 'anna', author: 'Anna', status: 'verified', article: 'articles/b.md' });
    const both = await new FolderPlacements().placed('f', () => request([...annotations, mine], { blind }));
    assert.deepEqual(states(both[0].placed), ['ben:exact', 'anna:exact']);
  });
});
