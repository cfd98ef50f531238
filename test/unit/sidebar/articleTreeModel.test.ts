import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analysis/analyzer';
import type { ClaimFinding } from '../../../src/core/analysis/types';
import { articleTreeChildren, documentToShow, findingItemId, type ArticleFindings, type ArticleTreeElement } from '../../../src/core/sidebar/articleTreeModel';
import { sampleAnnotation } from '../../support/annotations';

const TEXT = 'Alibaba hat Qwen 2.5 vorgestellt. Das Modell übertrifft GPT-4o in 12 von 14 Benchmarks. Alibaba investiert 53 Milliarden Dollar.';

function article(reviewedClaim?: ClaimFinding): ArticleFindings {
  const analysis = analyze(TEXT);
  const claims = analysis.findings.filter((f): f is ClaimFinding => f.kind === 'claim');
  const span = reviewedClaim ?? claims[0];
  return { analysis, claims, placements: span ? [{ annotation: sampleAnnotation(), state: 'exact', span: { start: span.start, end: span.end }, flags: [] }] : [] };
}

describe('sidebar: the "This article" view\'s nodes', () => {
  it('lists the three sections with their counts; claims with how many are reviewed', () => {
    const findings = article();
    const sections = articleTreeChildren(findings);
    const count = (kind: string): number => findings.analysis!.findings.filter((f) => f.kind === kind).length;
    assert.deepEqual(sections, [
      { kind: 'section', section: 'claims', count: count('claim'), reviewed: 1 },
      { kind: 'section', section: 'numbers', count: count('number') },
      { kind: 'section', section: 'entities', count: count('entity') },
    ]);
    assert.ok(count('claim') >= 2 && count('number') > 0, 'the article has claims and numbers');
  });

  it('lists unreviewed claims first, then the reviewed ones', () => {
    const findings = article();
    const [claims] = articleTreeChildren(findings);
    const listed = articleTreeChildren(findings, claims) as Extract<ArticleTreeElement, { kind: 'finding' }>[];
    assert.deepEqual(listed.map((c) => c.reviewed), [...listed.slice(1).map(() => false), true]);
    assert.equal(listed[listed.length - 1].finding, findings.claims[0]);
  });

  it('groups entity mentions by canonical name, most mentioned first, and lists the mentions below', () => {
    const findings = article();
    const entities = articleTreeChildren(findings)[2];
    const [first] = articleTreeChildren(findings, entities);
    assert.equal(first.kind === 'entity' && first.canonical, 'Alibaba');
    const mentions = articleTreeChildren(findings, first);
    assert.equal(mentions.length, 2);
    assert.deepEqual(articleTreeChildren(findings, mentions[0]), [], 'a finding is a leaf');
  });

  it('shows nothing before the article is analysed', () => {
    assert.deepEqual(articleTreeChildren({ analysis: undefined, claims: [], placements: [] }), []);
  });

  it('identifies a finding by its kind and span', () => {
    const [finding] = article().analysis!.findings;
    assert.equal(findingItemId(finding), `${finding.kind}|${finding.start}|${finding.end}`);
  });

  it('follows the active editor, but keeps the article while a panel or no editor has focus', () => {
    const doc = (scheme: string, isClosed = false): { isClosed: boolean; uri: { scheme: string } } => ({ isClosed, uri: { scheme } });
    const shown = doc('file');
    const other = doc('file');
    assert.equal(documentToShow(shown, other), other);
    assert.equal(documentToShow(shown, doc('output')), shown, 'the output panel');
    assert.equal(documentToShow(shown, undefined), shown, 'the sidebar has focus');
    assert.equal(documentToShow(doc('file', true), undefined), undefined, 'the article was closed');
    assert.equal(documentToShow(undefined, doc('comment')), undefined);
  });
});
