import assert from 'node:assert/strict';
import type { PlacedAnnotation } from '../../../src/core/session/articleSession';
import { annotationContextValue, childrenOf, rowWorkflowState, ShownPlacements, showsTheSame, startsExpanded, treeItemId, treeRoots, treeSummary, type AnnotationTreeElement, type FolderTree } from '../../../src/core/sidebar/annotationTreeModel';
import type { AnchorState, Annotation } from '../../../src/core/store/annotation';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';

const FOLDER = 'file:///news';

function placed(id: string, article: string, overrides: Partial<Annotation> = {}, state: AnchorState = 'exact', start = 0): PlacedAnnotation {
  const annotation = sampleAnnotation({ id, article, position: { start, end: start + 4 }, ...overrides });
  return state === 'orphaned' ? { annotation, state, flags: [] } : { annotation, state, span: { start, end: start + 4 }, flags: [] };
}

/** Two articles: a.md with a disputed, a verified and an orphaned annotation (out of text order); b.md with a verified one. */
function tree(overrides: Partial<FolderTree> = {}): FolderTree {
  return {
    folder: FOLDER,
    articles: [
      { article: 'articles/a.md', placed: [placed('v1', 'articles/a.md', {}, 'exact', 50), placed('d1', 'articles/a.md', { status: 'disputed', assignee: 'Ben' }, 'fuzzy', 10), placed('o1', 'articles/a.md', { status: 'disputed' }, 'orphaned', 5)] },
      { article: 'articles/b.md', placed: [placed('v2', 'articles/b.md', { assignee: 'Anna' })] },
    ],
    grouping: 'article',
    filters: { annotation: {} },
    me: 'Anna',
    team: DEFAULT_TEAM,
    ...overrides,
  };
}

/** Every node below `element`, as "kind:name(count)" lines, depth first. */
function outline(folderTree: FolderTree, element?: AnnotationTreeElement, depth = 0): string[] {
  return childrenOf(folderTree, element).flatMap((child) => [`${'  '.repeat(depth)}${nodeLabel(child)}`, ...outline(folderTree, child, depth + 1)]);
}

function nodeLabel(element: AnnotationTreeElement): string {
  switch (element.kind) {
    case 'folder':
      return `folder:${element.folder}`;
    case 'article':
      return `article:${element.article}(${element.count})`;
    case 'group':
      return `group:${element.group}(${element.count})`;
    case 'annotation':
      return `annotation:${element.id}`;
  }
}

describe('sidebar: the Annotations view\'s nodes', () => {
  it('groups by article, then status (orphans last), annotations in text order', () => {
    assert.deepEqual(outline(tree()), [
      'article:articles/a.md(3)',
      '  group:disputed(1)',
      '    annotation:d1',
      '  group:verified(1)',
      '    annotation:v1',
      '  group:orphaned(1)',
      '    annotation:o1',
      'article:articles/b.md(1)',
      '  group:verified(1)',
      '    annotation:v2',
    ]);
  });

  it('groups by status first, then article', () => {
    assert.deepEqual(outline(tree({ grouping: 'status' })), [
      'group:disputed(1)',
      '  article:articles/a.md(1)',
      '    annotation:d1',
      'group:verified(2)',
      '  article:articles/a.md(1)',
      '    annotation:v1',
      '  article:articles/b.md(1)',
      '    annotation:v2',
      'group:orphaned(1)',
      '  article:articles/a.md(1)',
      '    annotation:o1',
    ]);
  });

  it('groups by assignee first: people alphabetically, then the unassigned (orphans too)', () => {
    const groups = childrenOf(tree({ grouping: 'assignee' }), undefined);
    assert.deepEqual(groups.map(nodeLabel), ['group:Anna(1)', 'group:Ben(1)', 'group:(2)']);
    assert.deepEqual(outline(tree({ grouping: 'assignee' }), groups[2]), ['article:articles/a.md(2)', '  annotation:o1', '  annotation:v1']);
  });

  it('counts only what the filters let through, drops empty nodes, and keeps orphans through a status filter', () => {
    const disputed = tree({ filters: { statuses: ['disputed'], annotation: {} } });
    assert.deepEqual(outline(disputed), ['article:articles/a.md(2)', '  group:disputed(1)', '    annotation:d1', '  group:orphaned(1)', '    annotation:o1']);
    const mine = tree({ filters: { work: 'assigned-to-me', annotation: {} } });
    assert.deepEqual(outline(mine), ['article:articles/b.md(1)', '  group:verified(1)', '    annotation:v2']);
    assert.deepEqual(outline({ ...mine, me: undefined }), [], 'the work filter lets nothing through while "me" is unknown');
  });

  it('lists a node per folder that shows anything when there are several folders, none for one', () => {
    assert.deepEqual(treeRoots([tree()]).map(nodeLabel), ['article:articles/a.md(3)', 'article:articles/b.md(1)']);
    const empty = tree({ folder: 'file:///other', articles: [] });
    assert.deepEqual(treeRoots([tree(), empty]).map(nodeLabel), [`folder:${FOLDER}`]);
    assert.deepEqual(childrenOf(tree(), { kind: 'folder', folder: FOLDER }).map(nodeLabel), ['article:articles/a.md(3)', 'article:articles/b.md(1)']);
  });

  it('summarises for the badge whatever the filters, and says when the filters hide everything', () => {
    assert.deepEqual(treeSummary([tree()], { annotation: {} }), { attention: 2, allHidden: false });
    const filters = { annotation: { tags: ['nowhere'] } };
    assert.deepEqual(treeSummary([tree({ filters })], filters), { attention: 2, allHidden: true });
    assert.deepEqual(treeSummary([tree({ articles: [], filters })], filters), { attention: 0, allHidden: false }, 'nothing to hide');
  });

  it('gives ids that do not change with the counts, with the grouping above the annotations', () => {
    const [article] = childrenOf(tree(), undefined);
    assert.equal(treeItemId(article, 'article'), `a|a|${FOLDER}||articles/a.md`);
    assert.equal(treeItemId({ ...article, count: 99 } as AnnotationTreeElement, 'article'), treeItemId(article, 'article'));
    const [group] = childrenOf(tree(), article);
    const [leaf] = childrenOf(tree(), group);
    assert.equal(treeItemId(leaf, 'status'), `n|${FOLDER}|d1`);
  });

  it('names an annotation row\'s context for the menus: state, re-check, tags', () => {
    assert.equal(annotationContextValue(placed('x', 'a.md', {}, 'fuzzy')), 'annotation.fuzzy');
    const both = { ...placed('x', 'a.md', { tags: ['Wahl'] }), flags: ['needs re-check' as const] };
    assert.equal(annotationContextValue(both), 'annotation.exact.recheck.tagged');
  });

  it('starts article nodes expanded below a group, and at the top only while the folder has few articles', () => {
    const article = { kind: 'article' as const, folder: FOLDER, article: 'a.md', count: 1 };
    assert.equal(startsExpanded(article, 20), true);
    assert.equal(startsExpanded(article, 21), false);
    assert.equal(startsExpanded({ ...article, group: 'disputed' }, 500), true);
  });

  it('names in a row only the workflow states that wait for someone', () => {
    const reviewed: TeamConfig = { ...DEFAULT_TEAM, secondReview: 'required' };
    const verdict = sampleAnnotation({ status: 'disputed' });
    assert.equal(rowWorkflowState(verdict, reviewed), 'awaiting-review');
    assert.equal(rowWorkflowState(verdict, DEFAULT_TEAM), undefined, 'final without a second review');
    assert.equal(rowWorkflowState({ ...verdict, review: { by: 'Ben', at: '2025-02-01T10:00:00.000Z', result: 'changes-requested', status: 'disputed' } }, reviewed), 'changes-requested');
    assert.equal(rowWorkflowState(sampleAnnotation({ status: 'in-progress' }), reviewed), undefined, 'being checked is no waiting');
  });
  it('tells placements that only moved (nothing to rebuild) from ones the view shows differently', () => {
    const before = [placed('a', 'a.md', {}, 'exact', 10), placed('b', 'a.md', {}, 'exact', 50), placed('c', 'a.md', {}, 'orphaned')];
    const moved = before.map((p) => (p.span ? { ...p, span: { start: p.span.start + 3, end: p.span.end + 3 } } : p));
    assert.equal(showsTheSame(before, moved), true, 'a keystroke before both');
    assert.equal(showsTheSame(before, [moved[0], { ...moved[1], state: 'fuzzy' }, moved[2]]), false, 'its text changed');
    assert.equal(showsTheSame(before, [moved[0], { ...moved[1], flags: ['needs re-check'] }, moved[2]]), false, 'a flag came');
    assert.equal(showsTheSame(before, [moved[0], { ...moved[1], annotation: { ...moved[1].annotation, note: 'new' } }, moved[2]]), false, 'a changed annotation');
    assert.equal(showsTheSame(before, moved.slice(0, 2)), false, 'one fewer');
    const swapped = [{ ...before[0], span: { start: 60, end: 64 } }, before[1], before[2]];
    assert.equal(showsTheSame(before, swapped), false, 'another order by position');
  });

  it('rebuilds the view for an article seen the first time or shown otherwise, not for moved spans, and again after it was forgotten', () => {
    const before = [placed('a', 'a.md', {}, 'exact', 10), placed('b', 'a.md', {}, 'exact', 50)];
    const moved = before.map((p) => ({ ...p, span: { start: p.span!.start + 1, end: p.span!.end + 1 } }));
    const shown = new ShownPlacements();
    assert.deepEqual([shown.changes('a.md', before), shown.changes('a.md', moved), shown.changes('b.md', moved)], [true, false, true]);
    assert.equal(shown.changes('a.md', [moved[0], { ...moved[1], state: 'fuzzy' }]), true);
    shown.forget('a.md');
    assert.equal(shown.changes('a.md', before), true);
    shown.clear();
    assert.equal(shown.changes('b.md', moved), true);
  });
});
