import assert from 'node:assert/strict';
import { exportClaimReview, exportCsv, exportMarkdown, exportW3c, CSV_COLUMNS, type ExportInput, type JsonLd } from '../../../src/core/export';
import type { Annotation } from '../../../src/core/store/annotation';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { parseRfc4180 } from './csvParse';
import { loadFixtureWorkspace, NOW } from './fixtures';
import { describeFailures, W3cSuite } from './w3cSchemas';

const TEAM: TeamConfig = {
  ...DEFAULT_TEAM,
  secondReview: 'required',
  ratingScale: { worst: 1, best: 5 },
  statuses: [{ id: 'misleading', label: { en: 'Misleading', de: 'Irreführend' }, verdict: true, rating: 2 }],
};
const HASH = 'b'.repeat(64);
const approval = { by: 'Ben', at: '2025-02-02T10:00:00.000Z', result: 'approved' as const, status: 'misleading' };

/** The fixture workspace with version-2 fields on some of its annotations. */
async function version2Input(team: TeamConfig = TEAM): Promise<ExportInput> {
  const input = await loadFixtureWorkspace();
  const change = (id: string, patch: Partial<Annotation>) => {
    const i = input.annotations.findIndex((a) => a.id === id);
    input.annotations[i] = { ...input.annotations[i], ...patch };
  };
  change('a-aktie', {
    status: 'misleading',
    author: 'Anna',
    assignee: 'Chen',
    review: approval,
    tags: ['Börse', 'Wahl 2025'],
    evidence: ['https://example.org/plain', { url: 'https://example.org/pm', title: 'Pressemitteilung', archive: { file: `.ainews/evidence/${HASH}.html`, sha256: HASH, fetched: '2025-02-01T09:00:00.000Z', contentType: 'text/html' } }],
    comments: [
      { id: 'c1', author: 'Ben', at: '2025-02-01T10:00:00.000Z', body: 'Quelle? [x](command:workbench.action.terminal.new) <img src="https://evil.example/x.png">' },
      { id: 'c2', author: 'Anna', at: '2025-02-01T11:00:00.000Z', body: '', deleted: true },
      { id: 'c3', author: 'Anna', at: '2025-02-01T12:00:00.000Z', body: 'Geschäftsbericht S. 4', edited: '2025-02-01T13:00:00.000Z' },
    ],
  });
  change('b-deepseek', { status: 'in-progress', assignee: 'Ben' });
  change('c-chips', { status: 'unverifiable' });
  change('d-private', { comments: [{ id: 'p1', author: 'Anna', at: '2025-02-01T10:00:00.000Z', body: 'PRIVATE-COMMENT' }] });
  change('e-billionen', { status: 'satire' });
  return { ...input, team };
}

describe('exports: version 2', () => {
  it('CSV appends assignee, reviewed_by, review_result, tags and evidence_archives at the end; the first columns do not move', () => {
    assert.deepEqual(CSV_COLUMNS.slice(0, 17), ['article', 'line', 'status', 'review_flags', 'quote', 'note', 'evidence', 'author', 'created', 'modified', 'review_by', 'article_date', 'anchor', 'start', 'end', 'private', 'id']);
    assert.deepEqual(CSV_COLUMNS.slice(17), ['assignee', 'reviewed_by', 'review_result', 'tags', 'evidence_archives']);
    return version2Input().then((input) => {
      const rows = parseRfc4180(exportCsv(input, { now: NOW }));
      const row = rows.find((r) => r[16] === 'a-aktie');
      assert.ok(row);
      assert.deepEqual(row.slice(17), ['Chen', 'Ben', 'approved', 'Börse; Wahl 2025', `\n.ainews/evidence/${HASH}.html sha256:${HASH} fetched:2025-02-01T09:00:00.000Z`]);
      assert.equal(row[2], 'misleading');
      assert.equal(row[6], 'https://example.org/plain\nhttps://example.org/pm', 'each archive on the line of its address');
      assert.ok(rows.filter((r) => r[16] !== 'a-aktie' && r[16] !== 'id').every((r) => r[21] === ''), 'empty without archived evidence');
    });
  });

  it('W3C: team status with label and rating, tags as tagging bodies, archived evidence with hash and time, comments as replies; every item passes the MUSTs', async () => {
    const suite = new W3cSuite();
    const collection = exportW3c(await version2Input(), { now: NOW });
    const items = (collection.first as { items: (JsonLd & { id: string; body: JsonLd | JsonLd[]; target: unknown; motivation: string })[] }).items;
    for (const item of items) assert.deepEqual(suite.check('annotations/annotationMusts.test', item), [], `${item.id}\n${describeFailures(suite.check('annotations/annotationMusts.test', item))}`);
    assert.deepEqual(suite.check('collections/collectionMusts.test', collection), []);
    const verdict = items.find((i) => i.id === 'urn:ainews:annotation:a-aktie');
    assert.ok(verdict);
    const body = verdict.body as JsonLd[];
    assert.deepEqual(body[0], { type: 'TextualBody', purpose: 'assessing', value: 'misleading', format: 'text/plain' });
    assert.deepEqual(body[1], { type: 'TextualBody', purpose: 'classifying', value: 'Misleading (rating 2 of 1-5)', format: 'text/plain' });
    // The review flag first (as in version 1), then the annotation's tags.
    assert.deepEqual(body.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['needs re-check', 'Börse', 'Wahl 2025']);
    const archived = body.find((b) => b.source === 'https://example.org/pm');
    assert.deepEqual(archived, {
      type: 'SpecificResource',
      purpose: 'linking',
      source: 'https://example.org/pm',
      label: 'Pressemitteilung',
      state: { type: 'TimeState', cached: `urn:ainews:article:.ainews/evidence/${HASH}.html`, sourceDate: '2025-02-01T09:00:00.000Z', sha256: HASH },
    });
    const replies = items.filter((i) => i.motivation === 'replying');
    assert.deepEqual(replies.map((r) => [r.id, r.target, (r.body as JsonLd).value]), [
      ['urn:ainews:annotation:a-aktie:comment-c1', 'urn:ainews:annotation:a-aktie', 'Quelle? [x](command:workbench.action.terminal.new) <img src="https://evil.example/x.png">'],
      ['urn:ainews:annotation:a-aktie:comment-c3', 'urn:ainews:annotation:a-aktie', 'Geschäftsbericht S. 4'],
    ]);
    assert.equal(replies[1].modified, '2025-02-01T13:00:00.000Z');
    assert.ok(!JSON.stringify(collection).includes('PRIVATE-COMMENT'), 'a private annotation\'s discussion stays in the workspace');
  });

  it('ClaimReview: in-progress left out, unverifiable in the middle of the scale with its label, team ratings, an undefined status without a value', async () => {
    const reviews = exportClaimReview(await version2Input(), { now: NOW });
    const byUrl = new Map(reviews.map((r) => [r.url as string, r.reviewRating as JsonLd]));
    assert.ok(!byUrl.has('urn:ainews:annotation:b-deepseek'));
    assert.deepEqual(byUrl.get('urn:ainews:annotation:c-chips'), { '@type': 'Rating', ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: 'Unverifiable' });
    assert.deepEqual(byUrl.get('urn:ainews:annotation:a-aktie'), { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Misleading' });
    assert.deepEqual(byUrl.get('urn:ainews:annotation:e-billionen'), { '@type': 'Rating', alternateName: 'satire' });
    const plain = exportClaimReview({ ...(await version2Input(DEFAULT_TEAM)) }, { now: NOW });
    assert.deepEqual(plain.find((r) => r.url === 'urn:ainews:annotation:c-chips')?.reviewRating, { '@type': 'Rating', ratingValue: 2, bestRating: 3, worstRating: 1, alternateName: 'Unverifiable' });
  });

  it('markdown groups by workflow state and carries review, assignee, tags and the discussion, escaped', async () => {
    const report = exportMarkdown(await version2Input(), { now: NOW });
    const article = report.slice(report.indexOf('## articles/'));
    assert.match(report, /\*\*In progress \(1\)\*\*/);
    assert.match(report, /\*\*Awaiting review \(\d+\)\*\*/);
    assert.match(report, /\*\*Final \(1\)\*\*/);
    assert.ok(report.indexOf('**In progress (1)**') < report.indexOf('**Final (1)**'));
    assert.match(report, /Approved by Ben on 2025-02-02/);
    assert.match(report, /assigned to Chen · tags: Börse, Wahl 2025/);
    assert.match(report, /Discussion:\n\n- Ben, 2025-02-01: Quelle\? \\\[x\\\]\(command:workbench\.action\.terminal\.new\) \\<img src="https:\/\/evil\.example\/x\.png"\\>/);
    assert.match(report, /- Anna, 2025-02-01: _\(deleted\)_\n- Anna, 2025-02-01: Geschäftsbericht S\. 4 _\(edited\)_/);
    assert.match(report, /Pressemitteilung <https:\/\/example\.org\/pm> \(archived 2025-02-01, sha256 bbbbbbbbbbbb…\)/);
    assert.match(article, /\| Verified \| Disputed \| Outdated \| Unverifiable \| In progress \| Misleading \| satire \|/);
    assert.ok(!report.includes('PRIVATE-COMMENT'));
    assert.ok(!report.includes('## Agreement between checkers'), 'no section without doubly-checked claims');
  });

  it('markdown: without a second review and nothing in progress, the list is not split (as in version 1)', async () => {
    const input = await loadFixtureWorkspace();
    const report = exportMarkdown(input, { now: NOW });
    assert.ok(!/\*\*(Final|In progress|Awaiting review) \(/.test(report));
  });

  it('markdown: an agreement section when two checkers gave verdicts on the same claim', async () => {
    const input = await loadFixtureWorkspace();
    const first = input.annotations.find((a) => a.id === 'a-aktie') as Annotation;
    input.annotations.push({ ...first, id: 'a-aktie-2', author: 'Zoe', status: first.status === 'verified' ? 'disputed' : 'verified' });
    const report = exportMarkdown(input, { now: NOW });
    assert.match(report, /## Agreement between checkers\n\n1 claim checked by two or more people · percent agreement 0\.0 %/);
    assert.match(report, /### Claims the checkers disagree on/);
  });
});
