import assert from 'node:assert/strict';
import { CSV_COLUMNS, type ExportInput } from '../../../src/core/export';
import { defaultExportFileName, exportableStatuses, exportFormatItems, exportScopeItems, renderExportRequest, type ExportSettings } from '../../../src/core/export/exportRequest';
import { englishL10n } from '../../../src/core/labels/l10n';
import { germanL10n } from '../../support/l10nBundles';
import { DEFAULT_TEAM } from '../../../src/core/team/team';
import { parseRfc4180 } from './csvParse';
import { loadFixtureWorkspace } from './fixtures';

describe('the editor\'s export request', () => {
  let input: ExportInput;
  before(async () => {
    input = await loadFixtureWorkspace();
  });
  const settings: ExportSettings = { exportBaseIri: '', author: '', maxVerifiedAgeDays: 180, maxArticleAgeDays: 365 };

  it('offers the built-in statuses, then the other statuses the annotations have, once each', () => {
    const statuses = exportableStatuses([...input.annotations, { ...input.annotations[0], status: 'satire' }, { ...input.annotations[0], status: 'satire' }]);
    assert.deepEqual(statuses, ['verified', 'disputed', 'outdated', 'unverifiable', 'in-progress', 'satire']);
  });

  it('proposes a file name with the format\'s extension', () => {
    assert.equal(defaultExportFileName('markdown'), 'ainews-markdown.md');
    assert.equal(defaultExportFileName('claimreview'), 'ainews-claimreview.jsonld');
  });

  it('renders only the chosen statuses, and only the chosen article when one is given', () => {
    const ids = (csv: string): string[] => parseRfc4180(csv).slice(1).map((r) => r[CSV_COLUMNS.indexOf('id')]);
    const request = { articles: input.articles, annotations: input.annotations, settings, statuses: ['outdated', 'disputed'] };
    const all = ids(renderExportRequest('csv', request));
    assert.ok(all.length > 1);
    for (const id of all) assert.ok(['outdated', 'disputed'].includes(input.annotations.find((a) => a.id === id)!.status), id);
    assert.deepEqual(ids(renderExportRequest('csv', { ...request, article: 'seeds/003_99335840e0870e45.txt' })), ['c-chips']);
  });

  it('rates on the folder\'s team scale, as the command line does', () => {
    const request = { articles: input.articles, annotations: input.annotations, settings, statuses: ['verified', 'disputed', 'outdated'] };
    const bestRatings = (jsonLd: string): number[] => [...jsonLd.matchAll(/"bestRating":\s*(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(bestRatings(renderExportRequest('claimreview', request)).every((best) => best === 3));
    const rated = bestRatings(renderExportRequest('claimreview', { ...request, team: { ...DEFAULT_TEAM, ratingScale: { worst: 1, best: 5 } } }));
    assert.ok(rated.length > 0 && rated.every((best) => best === 5), String(rated));
  });

  it('takes the base address and the reviewer from the settings, and leaves them out when empty', () => {
    const request = { articles: input.articles, annotations: input.annotations, settings, statuses: ['verified', 'disputed', 'outdated'] };
    const plain = renderExportRequest('claimreview', request);
    assert.ok(plain.includes('urn:ainews:') && !plain.includes('https://factcheck.example'));
    const named = renderExportRequest('claimreview', { ...request, settings: { ...settings, exportBaseIri: 'https://factcheck.example/repo/', author: 'Desk X' } });
    assert.ok(named.includes('https://factcheck.example/repo/'));
    assert.ok(named.includes('Desk X'));
  });

  it('offers every format, in order, with what it is for, in English and German', () => {
    assert.deepEqual(exportFormatItems(englishL10n).map((i) => [i.format, i.label]), [['markdown', 'Markdown report'], ['csv', 'CSV'], ['w3c', 'W3C Web Annotation'], ['claimreview', 'schema.org ClaimReview']]);
    assert.match(exportFormatItems(englishL10n)[1].detail, /spreadsheets/);
    assert.notDeepEqual(exportFormatItems(germanL10n()).map((i) => i.detail), exportFormatItems(englishL10n).map((i) => i.detail));
  });

  it('offers this article (its path as text) or all articles, in English and German', () => {
    assert.deepEqual(exportScopeItems(englishL10n, 'articles/$(zap).md'), [
      { label: 'This article', description: 'articles/\\$(zap).md', scope: 'article' },
      { label: 'All articles', scope: 'all' },
    ]);
    assert.notDeepEqual(exportScopeItems(germanL10n(), 'a.md').map((i) => i.label), ['This article', 'All articles']);
  });
});
