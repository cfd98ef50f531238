// Keeps node_modules in step with package-lock.json, so that `npm start` and `npm test` work on a
// fresh clone without `npm install` first: when a dependency is missing or at another version than
// the lockfile names, `npm ci` installs exactly the lockfile. Node builtins only (it runs before
// anything is installed).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The direct dependencies whose installed version differs from the lockfile's (or that are missing).
 * @param root the project folder (with package.json and package-lock.json)
 */
export function staleDependencies(root) {
  const manifest = readJson(join(root, 'package.json'));
  const lock = readJson(join(root, 'package-lock.json'));
  if (!manifest || !lock?.packages) return ['package-lock.json'];
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return names.filter((name) => {
    const locked = lock.packages[`node_modules/${name}`]?.version;
    const installed = readJson(join(root, 'node_modules', name, 'package.json'))?.version;
    return !locked || installed !== locked;
  });
}

/** Runs `npm ci` when node_modules is missing or stale; says why, and what it costs. */
export function ensureDependencies(root) {
  const stale = staleDependencies(root);
  if (stale.length === 0) return;
  const why = existsSync(join(root, 'node_modules')) ? `${stale.length} differ from package-lock.json (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''})` : 'node_modules is missing';
  console.log(`[deps] installing the npm dependencies from package-lock.json: ${why} (npm ci, about a minute)`);
  const started = Date.now();
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  console.log(`[deps] installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
