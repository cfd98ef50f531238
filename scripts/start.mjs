// `npm start`: on a fresh clone, without `npm install` first. Installs or refreshes the npm
// dependencies from the lockfile when needed, installs the Debian packages and the offline VS Code
// server (code-server@4.100.3's VS Code 1.100.3, bound to 127.0.0.1 only), builds and packages the
// extension, installs it, and opens a workspace of seed articles straight into the product.
// Prints the address to open in a browser; Ctrl+C stops the server.
//   AINEWS_PORT=8123 npm start        choose the port (default 8123)
//   AINEWS_WORKSPACE=/path npm start   open another workspace folder
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { ROOT, ensureHarness, ensureSystemPackages, installVsix, startServer, workbenchUrl } from './lib/harness.mjs';
import { prepareStartWorkspace, writeStartUserSettings } from './lib/startWorkspace.mjs';

const port = Number(process.env.AINEWS_PORT ?? 8123);
const state = join(ROOT, '.vscode-test', 'start-state');
const workspace = resolve(process.env.AINEWS_WORKSPACE ?? join(ROOT, '.vscode-test', 'workspace'));
const vsix = join(ROOT, 'dist-vsix', 'ai-news-annotator.vsix');

ensureDependencies(ROOT);
console.log('[start] building and packaging the extension');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
ensureSystemPackages();
ensureHarness();
console.log('[start] installing the extension into the VS Code server');
installVsix(state, vsix);
writeStartUserSettings(state);
const firstArticle = prepareStartWorkspace(workspace);
const server = await startServer({ state, port, quiet: false });
const address = workbenchUrl(port, { folder: workspace, openFile: firstArticle, folderAsPath: true });
console.log(`\n  AI News Annotator is running in VS Code ${'1.100.3'} at\n\n    ${address}\n\n  Workspace: ${workspace}\n  Press Ctrl+C to stop.\n`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
await new Promise((resolveExit) => server.process.on('exit', resolveExit));
