import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seedCopyName } from '../../../src/core/import/articleFileName';
import { parseSeedManifest, seedPickItem } from '../../../src/core/import/seedArticles';
import { englishL10n } from '../../../src/core/labels/l10n';

/** The bundled manifest, found above the compiled test. */
function manifestText(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'seeds', 'manifest.json');
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error('no seeds/manifest.json');
}

describe('import: the bundled seed articles', () => {
  it('reads every article of the shipped manifest, each with a file that is there and a distinct copy name', () => {
    const seeds = parseSeedManifest(manifestText());
    assert.ok(seeds.length >= 5, `${seeds.length} seeds`);
    assert.equal(new Set(seeds.map(seedCopyName)).size, seeds.length);
    for (const seed of seeds) assert.match(seed.file, /^\d{3}_[0-9a-f]+\.txt$/);
  });

  it('lists a seed by its title, date and outlet, saying when either is unknown', () => {
    const seed = { file: '001_x.txt', title: 'China punktet', date: '2025-01', language: 'de' as const, outlet: 'finanzen.at' };
    assert.deepEqual(seedPickItem(englishL10n, seed), { label: 'China punktet', description: '2025-01 · finanzen.at', detail: '001_x.txt', seed });
    assert.equal(seedPickItem(englishL10n, { ...seed, date: null, outlet: null }).description, 'undated · unknown outlet');
  });
});
