import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './pages';

type StaleDependencies = (root: string) => string[];

describe('npm start / npm test on a fresh clone: stale node_modules are noticed', () => {
  let temp: string;
  let staleDependencies: StaleDependencies;
  before(async () => {
    ({ staleDependencies } = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'dependencies.mjs')).href)) as { staleDependencies: StaleDependencies });
  });
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'ainews-deps-'));
    writeFileSync(join(temp, 'package.json'), JSON.stringify({ dependencies: { a: '1.0.0' }, devDependencies: { b: '^2.0.0' } }));
    writeFileSync(join(temp, 'package-lock.json'), JSON.stringify({ packages: { '': {}, 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.1.0' } } }));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  const install = (name: string, version: string) => {
    mkdirSync(join(temp, 'node_modules', name), { recursive: true });
    writeFileSync(join(temp, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  };

  it('lists every dependency when node_modules is missing', () => {
    assert.deepEqual(staleDependencies(temp), ['a', 'b']);
  });

  it('lists a dependency installed at another version than the lockfile names', () => {
    install('a', '1.0.0');
    install('b', '2.0.0');
    assert.deepEqual(staleDependencies(temp), ['b']);
    install('b', '2.1.0');
    assert.deepEqual(staleDependencies(temp), []);
  });

  it('finds this checkout up to date', () => {
    assert.deepEqual(staleDependencies(ROOT), []);
  });
});
