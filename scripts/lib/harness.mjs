// The offline test harness: VS Code 1.100.3 as shipped inside code-server@4.100.3, driven by Debian's
// Chromium through playwright-core. Installed into .vscode-test/ (git-ignored), never into the
// project's own node_modules. See docs/testing.md for why each step is needed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, copyFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import net from 'node:net';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_VERSION = '1.65.1';
export const HARNESS_DIR = join(ROOT, '.vscode-test', `harness-${CODE_SERVER_VERSION}`);
const STAMP = join(HARNESS_DIR, '.installed');
const SYSTEM_PACKAGES = { '/usr/bin/chromium': 'chromium', '/usr/bin/rg': 'ripgrep', '/usr/include/krb5.h': 'libkrb5-dev' };

function log(message) {
  console.log(`[harness] ${message}`);
}

/** The Debian packages the harness needs (chromium, ripgrep, libkrb5-dev) that are not installed. */
export function missingSystemPackages() {
  return Object.entries(SYSTEM_PACKAGES).filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
}

/**
 * Installs the missing Debian packages with apt-get (as root, else through sudo). `npm start` and
 * `.ci/run` call this; `npm test` never does (it only says what is missing).
 */
export function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const apt = (args) => execFileSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  log(`installing Debian packages: ${missing.join(' ')}`);
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  } catch (error) {
    throw new Error(`could not install ${missing.join(' ')} with apt-get (${error.message}); install them and run again`);
  }
}

/**
 * The ripgrep version code-server's VS Code pins, and the release tag its postinstall downloads.
 * VS Code's own node_modules are installed only by code-server's postinstall, so the tag is read from
 * the registry's copy of that package.
 */
function ripgrepCacheTarget() {
  const shrinkwrap = JSON.parse(readFileSync(join(HARNESS_DIR, 'node_modules/code-server/lib/vscode/npm-shrinkwrap.json'), 'utf8'));
  const version = shrinkwrap.packages['node_modules/@vscode/ripgrep']?.version;
  if (!version) throw new Error('cannot read the pinned @vscode/ripgrep version from code-server');
  const unpack = join(HARNESS_DIR, 'tmp', 'ripgrep-pkg');
  mkdirSync(unpack, { recursive: true });
  const tgz = execFileSync('npm', ['pack', `@vscode/ripgrep@${version}`, '--silent'], { cwd: unpack, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', tgz, 'package/lib/postinstall.js'], { cwd: unpack });
  const tag = /const VERSION = '([^']+)'/.exec(readFileSync(join(unpack, 'package/lib/postinstall.js'), 'utf8'))?.[1];
  rmSync(unpack, { recursive: true, force: true });
  if (!tag) throw new Error(`cannot read the ripgrep release tag from @vscode/ripgrep@${version}`);
  return { version, tag };
}

/**
 * @vscode/ripgrep's postinstall would download rg; it first looks for a cached tarball, so we put
 * Debian's rg there.
 */
function seedRipgrepCache(cacheRoot) {
  const { version, tag } = ripgrepCacheTarget();
  const cacheDir = join(cacheRoot, `vscode-ripgrep-cache-${version}`);
  const tarball = join(cacheDir, `ripgrep-${tag}-x86_64-unknown-linux-musl.tar.gz`);
  if (existsSync(tarball)) return;
  mkdirSync(cacheDir, { recursive: true });
  const staging = join(cacheDir, 'staging');
  mkdirSync(staging, { recursive: true });
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  chmodSync(join(staging, 'rg'), 0o755);
  execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Installs code-server and playwright-core into .vscode-test/ once; later calls return at once.
 * @throws when Debian packages are missing, with the command that installs them
 */
export function ensureHarness() {
  const missing = missingSystemPackages();
  if (missing.length > 0) {
    throw new Error(`the integration tests need the Debian packages ${missing.join(' ')}; install them with\n` +
      `    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
      '  (npm start and .ci/run install them for you)');
  }
  if (existsSync(STAMP)) return;
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} and playwright-core@${PLAYWRIGHT_VERSION} into ${HARNESS_DIR} (first run only, about 1-2 minutes)`);
  mkdirSync(HARNESS_DIR, { recursive: true });
  writeFileSync(join(HARNESS_DIR, 'package.json'), JSON.stringify({ name: 'ainews-test-harness', private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2));
  const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };
  execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_VERSION}`], {
    cwd: HARNESS_DIR, stdio: 'inherit', env: npmEnv,
  });
  const cacheRoot = join(HARNESS_DIR, 'tmp');
  mkdirSync(cacheRoot, { recursive: true });
  seedRipgrepCache(cacheRoot);
  // unsafe_perm: postinstalls refuse to run as root without it; yes: node-pty runs `npx node-gyp`.
  execFileSync('npm', ['rebuild'], {
    cwd: HARNESS_DIR, stdio: 'inherit',
    env: { ...npmEnv, TMPDIR: cacheRoot, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  writeFileSync(STAMP, new Date().toISOString() + '\n');
  log(`harness installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Waits until something answers HTTP on the port. */
async function waitForServer(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`VS Code server did not answer on port ${port} within ${timeoutMs / 1000} s`);
}

function serverEnv(state, extraEnv) {
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    VSCODE_CLI: '1',
    XDG_CONFIG_HOME: join(state, 'config'),
    XDG_CACHE_HOME: join(state, 'cache'),
    XDG_DATA_HOME: join(state, 'data'),
    TMPDIR: join(state, 'tmp'),
    ...extraEnv,
  };
  for (const dir of [env.XDG_CONFIG_HOME, env.XDG_CACHE_HOME, env.XDG_DATA_HOME, env.TMPDIR]) mkdirSync(dir, { recursive: true });
  return env;
}

function serverArgs(state) {
  const codeServer = join(HARNESS_DIR, 'node_modules/code-server/out/node/entry.js');
  writeFileSync(join(state, 'config.yaml'), 'auth: none\n');
  return [codeServer, '--auth', 'none', '--config', join(state, 'config.yaml'),
    '--user-data-dir', join(state, 'user-data'), '--extensions-dir', join(state, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'];
}

/** Installs a .vsix into the state folder's extensions directory with code-server's own CLI. */
export function installVsix(state, vsix) {
  mkdirSync(state, { recursive: true });
  execFileSync('node', [...serverArgs(state), '--force', '--install-extension', vsix], {
    stdio: 'inherit', env: serverEnv(state, {}),
  });
}

/**
 * Starts the VS Code server bound to 127.0.0.1 in its own process group.
 * @returns {{port: number, process: import('node:child_process').ChildProcess, stop: () => Promise<void>}}
 */
export async function startServer({ state, port, extraEnv = {}, quiet = true, logFile }) {
  mkdirSync(state, { recursive: true });
  const env = serverEnv(state, extraEnv);
  const child = spawn('node', [...serverArgs(state), '--bind-addr', `127.0.0.1:${port}`], {
    env, detached: true, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (quiet) {
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('exit', () => { if (logFile) writeFileSync(logFile, Buffer.concat(chunks)); });
  }
  const exited = new Promise((r) => child.on('exit', r));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForServer(port, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, process: child, stop };
}

/** Launches Debian's Chromium headless through playwright-core (never a downloaded browser). */
export async function launchChromium() {
  const { chromium } = await import(join(HARNESS_DIR, 'node_modules/playwright-core/index.mjs'));
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * The workbench URL that opens a folder, optionally a file in it, and an extension under
 * development with its tests. `folderAsPath` names the folder by its plain path, the form that
 * opens it in a normal (not extension-development) window, as `npm start` does.
 */
export function workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath, openFile, folderAsPath = false }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (openFile) payload.push(['openFile', remote(openFile)]);
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const params = new URLSearchParams({ folder: folderAsPath ? folder : remote(folder), payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${port}/?${params.toString()}`;
}

export function freshTmp(name) {
  const dir = join(tmpdir(), `ainews-${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
