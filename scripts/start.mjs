// `npm start`: builds the extension, packages it, installs it into the offline VS Code server
// (code-server@4.100.3's VS Code 1.100.3, bound to 127.0.0.1 only) and opens a workspace holding the
// seed articles. Prints the address to open in a browser; Ctrl+C stops the server.
//   AINEWS_PORT=8123 npm start        choose the port (default 8123)
//   AINEWS_WORKSPACE=/path npm start   open another workspace folder
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureHarness, installVsix, startServer } from './lib/harness.mjs';

const port = Number(process.env.AINEWS_PORT ?? 8123);
const state = join(ROOT, '.vscode-test', 'start-state');
const workspace = process.env.AINEWS_WORKSPACE ?? join(ROOT, '.vscode-test', 'workspace');
const vsix = join(ROOT, 'dist-vsix', 'ai-news-annotator.vsix');

/** A git repository with the seed articles under articles/, created once and then kept. */
function prepareWorkspace() {
  const articles = join(workspace, 'articles');
  mkdirSync(articles, { recursive: true });
  for (const file of readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))) {
    if (!existsSync(join(articles, file))) copyFileSync(join(ROOT, 'seeds', file), join(articles, file));
  }
  if (!existsSync(join(workspace, '.git'))) execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: workspace });
}

console.log('[start] building and packaging the extension');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
ensureHarness();
console.log('[start] installing the extension into the VS Code server');
installVsix(state, vsix);
prepareWorkspace();
const server = await startServer({ state, port, quiet: false });
const address = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\n  AI News Annotator is running in VS Code ${'1.100.3'} at\n\n    ${address}\n\n  Workspace: ${workspace}\n  Press Ctrl+C to stop.\n`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
await new Promise((resolve) => server.process.on('exit', resolve));
