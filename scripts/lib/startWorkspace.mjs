// The workspace and settings `npm start` opens, shared with the integration test that checks them
// (test/integration/start): the seed articles under readable names in a clean git repository, the
// AI News sidebar shown, long lines wrapped, no welcome page, walkthrough or telemetry.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** The seed the first run opens: short, German, with claims, numbers and names to look at. */
export const FIRST_SEED = '004_4d0229219e58456e.txt';

/** The workspace's own settings (committed with it). */
export const START_WORKSPACE_SETTINGS = {
  'editor.wordWrap': 'on',
  '[plaintext]': { 'editor.wordWrap': 'on' },
  'aiNews.openSidebarOnStartup': true,
};

/** User settings of the VS Code server `npm start` runs: straight into the product. */
export const START_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'update.showReleaseNotes': false,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
};

/** The readable name of a seed's copy, from the built importer bundle (the same code the editor uses). */
function seedCopyName(seed) {
  const importer = createRequire(import.meta.url)(join(ROOT, 'dist', 'importer.js'));
  return importer.seedCopyName(seed);
}

function git(workspace, ...args) {
  return execFileSync('git', args, { cwd: workspace, encoding: 'utf8' }).trim();
}

/** git's identity for the first commit: the user's, else a neutral one for this repository only. */
function ensureCommitIdentity(workspace) {
  try {
    git(workspace, 'config', 'user.name');
  } catch {
    git(workspace, 'config', 'user.name', 'AI News Annotator');
    git(workspace, 'config', 'user.email', 'ainews@localhost.invalid');
  }
}

/**
 * Prepares the workspace once (a folder that already is a git repository with a commit is the
 * user's and is left alone): seed copies in articles/, an empty .ainews/annotations.json, the
 * merge driver, the workspace settings, all committed.
 * @returns the article to open first
 */
export function prepareStartWorkspace(workspace) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds', 'manifest.json'), 'utf8'));
  const copies = new Map(manifest.articles.map((seed) => [seed.file, join(workspace, 'articles', seedCopyName(seed))]));
  const first = copies.get(FIRST_SEED);
  if (existsSync(join(workspace, '.git'))) {
    try {
      git(workspace, 'rev-parse', '--verify', 'HEAD');
      return first;
    } catch {
      // a repository without a commit: finish preparing it
    }
  }
  mkdirSync(join(workspace, 'articles'), { recursive: true });
  for (const [file, copy] of copies) if (!existsSync(copy)) copyFileSync(join(ROOT, 'seeds', file), copy);
  mkdirSync(join(workspace, '.ainews'), { recursive: true });
  const annotationFile = join(workspace, '.ainews', 'annotations.json');
  if (!existsSync(annotationFile)) writeFileSync(annotationFile, '{\n  "version": 1,\n  "annotations": []\n}\n');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(START_WORKSPACE_SETTINGS, null, 2)}\n`);
  if (!existsSync(join(workspace, '.git'))) git(workspace, 'init', '-q', '-b', 'main');
  ensureCommitIdentity(workspace);
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'setup-git', '--root', workspace, '--driver', `node ${join(ROOT, 'dist', 'cli.js')} merge-driver %O %A %B`], { stdio: 'ignore' });
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'Seed articles for AI News Annotator');
  return first;
}

/** Writes the user settings of a VS Code server state folder (keys of other settings are kept). */
export function writeStartUserSettings(state) {
  const folder = join(state, 'user-data', 'User');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'settings.json');
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // none yet, or not plain JSON: ours replace it
  }
  writeFileSync(file, `${JSON.stringify({ ...current, ...START_USER_SETTINGS }, null, 2)}\n`);
}
