import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SETTING_DEFAULTS, settingsFrom, type SettingKey } from '../../../src/core/settings/settings';

/** The repository root: the nearest folder above the compiled test that holds package.json. */
function findManifest(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && existsSync(join(dir, 'src', 'core', 'settings', 'settings.ts'))) return file;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

interface SettingSchema { scope?: string; type?: string; default?: unknown }

describe('manifest: settings', () => {
  const manifest = JSON.parse(readFileSync(findManifest(), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } };
  const properties = manifest.contributes.configuration.properties;

  it('declares every setting resource-scoped, because readSettings always reads them for a resource', () => {
    // A window-scoped setting read with a resource (or a resource-scoped one read without) makes
    // VS Code log a warning on every read: several per paint.
    const others = Object.entries(properties).filter(([, schema]) => schema.scope !== 'resource').map(([key]) => key);
    assert.deepEqual(others, []);
  });

  it('declares every setting that readSettings reads, with the same default', () => {
    const read = Object.keys(SETTING_DEFAULTS);
    assert.ok(read.length >= 10, 'found the reads');
    for (const key of read) {
      assert.ok(properties[`aiNews.${key}`], `aiNews.${key} is declared in package.json`);
      assert.deepEqual(properties[`aiNews.${key}`].default, SETTING_DEFAULTS[key as SettingKey], `aiNews.${key}'s default`);
    }
  });

  it('reads the configured values, and the default for a value of the wrong type', () => {
    const configured: Partial<Record<SettingKey, unknown>> = { debounceMs: 500, author: 'Anna', maxArticleSizeKB: '4096', articleGlobs: ['news/**', 3], 'highlight.numbers': false, claimScoreThreshold: Number.NaN };
    const settings = settingsFrom((key) => configured[key]);
    assert.equal(settings.debounceMs, 500);
    assert.equal(settings.author, 'Anna');
    assert.equal(settings.maxArticleSizeBytes, 2048 * 1024, 'a string is no size');
    assert.deepEqual(settings.articleGlobs, ['articles/**', 'seeds/**'], 'a list with a number in it is no list of globs');
    assert.deepEqual(settings.highlight, { claims: true, numbers: false, entities: true });
    assert.equal(settings.claimScoreThreshold, SETTING_DEFAULTS.claimScoreThreshold);
    assert.equal(settings.maxEvidenceArchiveBytes, 20 * 1024 * 1024);
  });
});
