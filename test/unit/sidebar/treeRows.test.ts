import assert from 'node:assert/strict';
import type { ClaimFinding, NumberFinding } from '../../../src/core/analysis/types';
import type { IndexedEntity } from '../../../src/core/crossref/index';
import { englishL10n } from '../../../src/core/labels/l10n';
import { wordsFor } from '../../../src/core/labels/words';
import type { PlacedAnnotation } from '../../../src/core/session/articleSession';
import { annotationRow, articleRow, attentionTooltip, emptyFilterMessage, filterDescription, folderRow, groupRow } from '../../../src/core/sidebar/annotationTreeRows';
import { articleViewMessage, entityGroupRow, findingRow, sectionRow } from '../../../src/core/sidebar/articleTreeRows';
import { conflictRow, entityArticleRow, entityRow, figureRow, mentionRow } from '../../../src/core/sidebar/crossArticleTreeRows';
import { DEFAULT_TEAM, type TeamConfig } from '../../../src/core/team/team';
import { sampleAnnotation } from '../../support/annotations';
import { PWC_CONFLICT } from '../../support/crossIndex';
import { germanL10n } from '../../support/l10nBundles';

const words = wordsFor(englishL10n, 'en');
const FOLDER = 'file:///news';
const reviewing: TeamConfig = { ...DEFAULT_TEAM, secondReview: 'required' };

function annotationElement(placed: PlacedAnnotation) {
  return { kind: 'annotation' as const, folder: FOLDER, id: placed.annotation.id, article: placed.annotation.article, group: placed.annotation.status, placed };
}

describe('sidebar: the Annotations view\'s rows', () => {
  it('shows an annotation\'s quote, then flags, assignee, review state, tags and note, and reveals it on a click', () => {
    const annotation = sampleAnnotation({ status: 'disputed', assignee: 'Ben', tags: ['KI'], note: 'Zahl stimmt nicht', quote: { exact: 'fünf Millionen', prefix: '', suffix: '' } });
    const row = annotationRow(words, annotationElement({ annotation, state: 'fuzzy', span: { start: 0, end: 4 }, flags: ['needs re-check'] }), reviewing);
    assert.equal(row.label, 'fünf Millionen');
    assert.equal(row.description, 'needs re-check · text changed · @Ben · awaiting review · #KI · Zahl stimmt nicht');
    assert.deepEqual(row.icon, { id: 'question', color: 'aiNews.fuzzyBorder' }, 'the anchoring problem wins over the status');
    assert.deepEqual(row.command, { command: 'aiNews.revealAnnotation', title: 'Show in the article', arguments: [{ folder: FOLDER, id: 'a1' }] });
    assert.equal(row.collapsible, 'none');
    const tooltip = row.tooltip?.split('\n') ?? [];
    assert.equal(tooltip[0], 'Disputed · awaiting review · text changed: needs a second look');
    assert.ok(tooltip.includes('“fünf Millionen”') && tooltip.includes('Assigned to Ben') && tooltip.includes('Tags: KI'), tooltip.join('|'));
    assert.equal(tooltip.at(-1), 'articles/a.md');
  });

  it('names an empty quote, and an orphan by its icon', () => {
    const row = annotationRow(words, annotationElement({ annotation: sampleAnnotation({ quote: { exact: '', prefix: '', suffix: '' } }), state: 'orphaned', flags: [] }), DEFAULT_TEAM);
    assert.equal(row.label, '(empty quote)');
    assert.deepEqual(row.icon, { id: 'debug-disconnect', color: 'aiNews.fuzzyBorder' });
  });

  it('heads folders, articles and groups with their counts, and explains the orphans\' group', () => {
    assert.deepEqual(folderRow({ kind: 'folder', folder: FOLDER }, undefined, 'article'), { label: FOLDER, collapsible: 'expanded', id: 'a|f|file:///news', icon: 'folder', contextValue: 'folder' });
    const article = articleRow(words, { kind: 'article', folder: FOLDER, article: 'articles/2025/a.md', count: 3 }, 'article', 1);
    assert.equal(article.label, 'a.md (3)');
    assert.equal(article.description, 'articles/2025');
    assert.equal(article.collapsible, 'expanded', 'the only article starts open');
    const orphans = groupRow(words, { kind: 'group', folder: FOLDER, group: 'orphaned', article: 'a.md', count: 2 }, 'article', DEFAULT_TEAM);
    assert.equal(orphans.label, 'Orphaned (2)');
    assert.match(orphans.tooltip ?? '', /Re-anchor them/);
    const nobody = groupRow(words, { kind: 'group', folder: FOLDER, group: '', count: 1 }, 'assignee', DEFAULT_TEAM);
    assert.equal(nobody.label, 'Unassigned (1)');
    assert.deepEqual(nobody.icon, { id: 'circle-slash' });
  });

  it('describes the filters, counts what needs a look and says why a filtered view is empty', () => {
    assert.equal(filterDescription(words, { annotation: {} }), undefined);
    assert.equal(filterDescription(words, { work: 'assigned-to-me', statuses: ['disputed'], annotation: { tags: ['KI'], authors: ['Ben'] } }), 'Showing: assigned to me, Disputed, #KI, by Ben');
    assert.equal(attentionTooltip(words, 1), '1 annotation needs a look: disputed, or its text changed or is gone');
    assert.match(attentionTooltip(words, 4), /^4 annotations/);
    assert.match(emptyFilterMessage(words, { annotation: { authors: ['Ben'] } }), /match the filters: by Ben\./);
    assert.match(emptyFilterMessage(words, { work: 'awaiting-my-review', annotation: {} }), /Nothing here: awaiting my review/);
    assert.match(emptyFilterMessage(words, { annotation: {} }), /selected statuses/);
  });

  it('has every word in German', () => {
    const german = wordsFor(germanL10n(), 'de');
    const row = annotationRow(german, annotationElement({ annotation: sampleAnnotation({ assignee: 'Ben', tags: ['KI'], review: { by: 'Cem', at: '2025-02-01T00:00:00Z', result: 'approved', status: 'verified' } }), state: 'fuzzy', flags: ['article changed since review'] }), reviewing);
    assert.doesNotMatch(`${row.description}\n${row.tooltip}`, /text changed|Assigned to|Tags:|Approved by/);
    assert.doesNotMatch(emptyFilterMessage(german, { work: 'assigned-to-me', annotation: {} }) + filterDescription(german, { work: 'assigned-to-me', annotation: { dates: { from: '2025-01-01' } } }), /Nothing here|Showing|changed/);
  });
});

const claim: ClaimFinding = { kind: 'claim', start: 10, end: 40, text: 'Umsatz stieg um 3 %.', score: 0.82, reasons: [], signals: [{ signal: 'figure', evidence: '"3 %"', against: false }], timeSensitive: ['derzeit'] } as unknown as ClaimFinding;
const number = { kind: 'number', start: 26, end: 29, text: '3 %', type: 'percent', value: 3, unit: '%' } as unknown as NumberFinding;
const article = { uri: 'file:///news/a.md', lineAt: (offset: number) => (offset < 20 ? 1 : 2) };

describe('sidebar: the "This article" view\'s rows', () => {
  it('shows a claim\'s score and reasons, whether it is reviewed, and reveals it', () => {
    const row = findingRow(words, { kind: 'finding', finding: claim, reviewed: false }, article);
    assert.equal(row.description, '0.82 · names a figure ("3 %")');
    assert.equal(row.contextValue, 'finding.claim.unreviewed');
    assert.deepEqual(row.tooltip?.split('\n'), ['Not reviewed yet', 'Check-worthiness 0.82', 'Why: names a figure ("3 %")', 'Time-sensitive: derzeit', '', 'Umsatz stieg um 3 %.']);
    assert.deepEqual(row.command?.arguments, [{ uri: article.uri, start: 10, end: 40 }]);
    assert.deepEqual(findingRow(words, { kind: 'finding', finding: claim, reviewed: true }, undefined).icon, { id: 'pass', color: 'aiNews.verifiedBorder' });
    assert.equal(findingRow(words, { kind: 'finding', finding: claim }, undefined).command, undefined);
  });

  it('writes a number\'s type, value and line', () => {
    assert.equal(findingRow(words, { kind: 'finding', finding: number }, article).description, 'percent · 3 % · line 2');
    assert.equal(findingRow(wordsFor(germanL10n(), 'de'), { kind: 'finding', finding: { ...number, value: 1234.5 } }, article).description, 'Prozent · 1.234,5 % · Zeile 2');
  });

  it('opens the claims section first, never an empty one, and says why the view is empty', () => {
    assert.equal(sectionRow(words, { kind: 'section', section: 'claims', count: 4, reviewed: 1 }).collapsible, 'expanded');
    assert.equal(sectionRow(words, { kind: 'section', section: 'claims', count: 4, reviewed: 1 }).description, '1 reviewed');
    assert.equal(sectionRow(words, { kind: 'section', section: 'numbers', count: 0 }).collapsible, 'none');
    assert.equal(entityGroupRow(words, { kind: 'entity', canonical: 'PwC', type: 'org', mentions: [] }).description, 'organisation');
    let asked = 0;
    const name = (): string => (asked++, 'a.md');
    assert.equal(articleViewMessage(words, { isArticle: true, snapshot: { complete: true, tooLarge: false } }, name), undefined);
    assert.equal(asked, 0, 'the name is worked out only when there is something to say');
    assert.match(articleViewMessage(words, { isArticle: false, snapshot: undefined }, name) ?? '', /^a.md is not treated as an article/);
    assert.match(articleViewMessage(words, { isArticle: true, snapshot: { complete: false, tooLarge: true } }, name) ?? '', /too large/);
    assert.equal(articleViewMessage(words, { isArticle: true, snapshot: { complete: false, tooLarge: false } }, name), 'Analysing a.md…');
  });
});

describe('sidebar: the "Across articles" view\'s rows', () => {
  const conflict = PWC_CONFLICT;
  const entity: IndexedEntity = { canonical: 'PwC', type: 'org', mentions: [{ article: 'a.md', start: 0, end: 3 }], articleCount: 1 };

  it('sets two figures against each other, and reveals a figure only when its article resolves', () => {
    const row = conflictRow(words, conflict);
    assert.equal(row.label, '15,7 Billionen vs 13 Billionen — PwC');
    assert.equal(row.description, '17 % apart');
    assert.deepEqual(figureRow(words, conflict.a, 'file:///news/a.md').command?.arguments, [{ uri: 'file:///news/a.md', start: 1, end: 5 }]);
    assert.equal(figureRow(words, conflict.a, undefined).command, undefined);
  });

  it('counts an entity\'s articles and shows a mention by its sentence, else by its characters', () => {
    assert.equal(entityRow(words, entity).description, '1 article · organisation');
    assert.equal(entityArticleRow(words, { kind: 'entityArticle', entity, article: 'dir/a.md', mentions: entity.mentions }).label, 'a.md (1)');
    const mention = entity.mentions[0];
    assert.equal(mentionRow(words, { kind: 'mention', mention, snippet: '', line: undefined }, undefined).label, 'Characters 0–3');
    const withText = mentionRow(words, { kind: 'mention', mention, snippet: 'PwC schätzt.', line: 3 }, 'file:///news/a.md');
    assert.equal(withText.description, 'line 3');
    assert.equal(withText.tooltip, 'PwC schätzt.\n\na.md');
  });
});
