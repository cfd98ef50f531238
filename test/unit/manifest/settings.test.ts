import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above the compiled test that holds package.json. */
function findManifest(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && existsSync(join(dir, 'src', 'editor', 'settings.ts'))) return file;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

interface SettingSchema { scope?: string; type?: string }

describe('manifest: settings', () => {
  const manifest = JSON.parse(readFileSync(findManifest(), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } };
  const properties = manifest.contributes.configuration.properties;
  const settingsSource = readFileSync(join(dirname(findManifest()), 'src', 'editor', 'settings.ts'), 'utf8');

  it('declares every setting resource-scoped, because readSettings always reads them for a resource', () => {
    // A window-scoped setting read with a resource (or a resource-scoped one read without) makes
    // VS Code log a warning on every read: several per paint.
    const others = Object.entries(properties).filter(([, schema]) => schema.scope !== 'resource').map(([key]) => key);
    assert.deepEqual(others, []);
  });

  it('declares every setting that readSettings reads', () => {
    const read = [...settingsSource.matchAll(/c\.get\('([^']+)'/g)].map((m) => `aiNews.${m[1]}`);
    assert.ok(read.length >= 10, 'found the reads');
    for (const key of read) assert.ok(properties[key], `${key} is declared in package.json`);
  });
});
