// Runs the integration tests (out/test/integration/index.js) inside a real VS Code extension host:
// the VS Code server from code-server@4.100.3, opened in Debian's headless Chromium.
// Prints mocha's output and resolves to {passed, failed}. Used by scripts/test.mjs.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { format } from 'node:util';
import { ROOT, ensureHarness, freePort, freshTmp, launchChromium, startServer, workbenchUrl } from './lib/harness.mjs';
import { prepareStartWorkspace, writeStartUserSettings } from './lib/startWorkspace.mjs';

// Workbench chatter that says nothing about the tests.
const WORKBENCH_NOISE = /^(Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|Creating a socket|ChatSessionStore|Started local extension host|\[LocalProcess)/;
const TEST_TIMEOUT_MS = Number(process.env.AINEWS_INTEGRATION_TIMEOUT_MS ?? 15 * 60_000);

/** A fresh workspace folder, a git repository like the ones teams share their checks in. */
function makeWorkspace(base) {
  const workspace = join(base, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const fixture = join(ROOT, 'test', 'fixtures', 'workspace');
  if (existsSync(fixture)) cpSync(fixture, workspace, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test Reviewer');
  git('config', 'user.email', 'reviewer@example.invalid');
  return workspace;
}

/**
 * Acts in the workbench like a person when a test asks by writing NAME.ui (JSON: `click`, selectors of
 * which the first visible one is clicked; `type`, text typed on the keyboard; `press`, keys such as
 * "Control+Enter"; `read`, a selector whose elements are read afterwards): what no command of the
 * extension host reaches, like the reply box of a comment thread or the text of a notification.
 * Answers NAME.done (with `read`: JSON, each element's text and the addresses of its links), or
 * NAME.failed with the reason.
 */
async function actLikeAPerson(page, shotsDir, request) {
  const name = request.slice(0, -'.ui'.length);
  const { click = [], type = '', press = [], read } = JSON.parse(readFileSync(join(shotsDir, request), 'utf8'));
  rmSync(join(shotsDir, request));
  try {
    // The workbench may still be drawing what the test just opened: look for up to 5 s.
    let clicked = click.length === 0;
    for (const deadline = Date.now() + 5000; !clicked && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      for (const selector of click) {
        const target = page.locator(selector).filter({ visible: true }).first();
        if ((await target.count()) === 0) continue;
        await target.click();
        clicked = true;
        break;
      }
    }
    if (!clicked) throw new Error(`nothing visible to click: ${click.join(' | ')}`);
    if (type) await page.keyboard.type(type, { delay: 10 });
    for (const key of press) await page.keyboard.press(key);
    const seen = read
      ? await page.locator(read).evaluateAll((elements) => elements.map((e) => ({ text: e.textContent ?? '', links: [...e.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') })))
      : undefined;
    writeFileSync(join(shotsDir, `${name}.done`), seen ? JSON.stringify(seen) : '');
  } catch (error) {
    writeFileSync(join(shotsDir, `${name}.failed`), error.message);
  }
}

/** Takes a screenshot whenever a test asks for one by writing NAME.request into the shots folder. */
function serveScreenshotRequests(page, shotsDir) {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { readdirSync } = await import('node:fs');
      for (const request of readdirSync(shotsDir).filter((f) => f.endsWith('.ui'))) await actLikeAPerson(page, shotsDir, request);
      for (const request of readdirSync(shotsDir).filter((f) => f.endsWith('.request'))) {
        const name = request.slice(0, -'.request'.length);
        const target = readFileSync(join(shotsDir, request), 'utf8').trim() || join(shotsDir, `${name}.png`);
        rmSync(join(shotsDir, request));
        await new Promise((r) => setTimeout(r, 400)); // let the workbench paint
        await page.screenshot({ path: target });
        writeFileSync(join(shotsDir, `${name}.done`), target);
      }
    } catch (error) {
      console.error(`[integration] screenshot failed: ${error.message}`);
    } finally {
      busy = false;
    }
  }, 200);
  return () => clearInterval(timer);
}

/**
 * One VS Code session running the test index.
 * @param session 'suite' (the integration suites, in a fresh test workspace) or 'start' (the
 *   suites under test/integration/start, in the workspace and with the settings `npm start` uses)
 */
async function runSession({ session, grep, bench }) {
  const base = freshTmp(`integration-${session}`);
  const state = join(base, 'state');
  const shots = join(base, 'shots');
  mkdirSync(shots, { recursive: true });
  const results = join(base, 'results.json');
  let workspace;
  let openFile;
  if (session === 'start') {
    workspace = join(base, 'workspace');
    openFile = prepareStartWorkspace(workspace);
    writeStartUserSettings(state);
  } else {
    workspace = makeWorkspace(base);
  }
  const port = await freePort();
  const server = await startServer({
    state, port, logFile: join(base, 'server.log'),
    extraEnv: {
      AINEWS_TEST_SESSION: session,
      AINEWS_TEST_RESULTS: results,
      AINEWS_TEST_SHOTS: shots,
      AINEWS_SCREENSHOT_DIR: join(ROOT, 'media', 'screenshots'),
      ...(grep ? { AINEWS_TEST_GREP: grep } : {}),
      ...(bench ? { AINEWS_BENCH: '1', AINEWS_BENCH_RESULTS: join(ROOT, 'test-results', 'editor-bench.json') } : {}),
    },
  });
  let browser;
  let stopShots = () => {};
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const exitCode = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = format(...args);
        if (WORKBENCH_NOISE.test(line)) return;
        if (type === 'error') console.error(line);
        else console.log(line);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TEST_TIMEOUT_MS).unref());
    stopShots = serveScreenshotRequests(page, shots);
    await page.goto(workbenchUrl(port, {
      folder: workspace,
      // the start session opens the address the way `npm start` prints it
      ...(session === 'start' ? { openFile, folderAsPath: true } : {}),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    }));
    const code = await Promise.race([exitCode, timeout]);
    if (code === 'timeout') console.error(`[integration] no result after ${TEST_TIMEOUT_MS / 1000} s`);
  } finally {
    stopShots();
    await browser?.close().catch(() => {});
    await server.stop();
  }
  if (!existsSync(results)) {
    console.error(`[integration] the test index wrote no results; server log: ${join(base, 'server.log')}`);
    return { passed: 0, failed: 1 };
  }
  const { passed, failed } = JSON.parse(readFileSync(results, 'utf8'));
  rmSync(base, { recursive: true, force: true });
  return { passed, failed };
}

export async function runIntegrationTests({ grep, bench = false } = {}) {
  ensureHarness();
  const suite = await runSession({ session: 'suite', grep, bench });
  if (bench) return suite;
  // The first-run session (its tests are titled "First run (npm start)"): skipped for other --grep.
  if (grep && !/first run|npm start/i.test(grep)) return suite;
  const start = await runSession({ session: 'start', grep });
  return { passed: suite.passed + start.passed, failed: suite.failed + start.failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = await runIntegrationTests({ grep: process.argv[2] });
  console.log(`integration: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
