/**
 * The end-to-end suite: our .vsix installed in a real VS Code (code-server's server and web UI), driven through
 * Debian's Chromium with Playwright. Run by `npm run test:e2e` after scripts/e2e-tools.sh and `npm run package`.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from '../helpers';
import { startCodeServer } from './codeServer';
import { SCENARIOS } from './scenarios';
import { Workbench } from './workbench';

const ARTIFACTS = join(REPO, '.artifacts', 'e2e');
const VSIX = join(REPO, 'pchat-topology.vsix');
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

async function main(): Promise<number> {
  if (!existsSync(VSIX)) {
    console.error(`e2e: ${VSIX} is missing; run npm run package first.`);
    return 1;
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const log: string[] = [];
  const started = Date.now();
  const server = await startCodeServer(VSIX, (line) => log.push(line));
  const browser = await chromium.launch({
    executablePath: process.env.PCHAT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const wb = new Workbench(page, server.workspace);
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  try {
    await wb.load(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    console.log(`e2e: VS Code (code-server) up with the extension installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [index, scenario] of SCENARIOS.entries()) {
      const t0 = Date.now();
      let error: string | undefined;
      try {
        await wb.closeAllEditors();
        await scenario.run({
          wb,
          workspace: server.workspace,
          hostBlocks: server.hostBlocks,
          copy: (example, as) => {
            copyFileSync(join(REPO, 'examples', example), join(server.workspace, as));
            return as;
          },
        });
      } catch (e) {
        error = (e as Error).stack ?? String(e);
      }
      await page.screenshot({ path: join(ARTIFACTS, `${String(index + 1).padStart(2, '0')}-${slug(scenario.name)}.png`) }).catch(() => undefined);
      results.push({ name: scenario.name, ok: !error, ms: Date.now() - t0, error });
      console.log(`${error ? 'FAIL' : 'ok  '} ${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${error ? `\n     ${error.split("\n").filter((l) => !l.includes("\u001b")).slice(0, 8).join("\n     ")}` : ""}`);
    }
  } finally {
    await browser.close();
    server.stop();
    writeFileSync(join(ARTIFACTS, 'code-server.log'), log.join('\n'));
    writeFileSync(join(ARTIFACTS, 'browser-console-errors.log'), consoleErrors.join('\n'));
    const logs = join(server.root, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(ARTIFACTS, 'vscode-logs'), { recursive: true });
    rmSync(server.root, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${SCENARIOS.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in .artifacts/e2e/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && results.length === SCENARIOS.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`e2e: ${(error as Error).stack ?? error}`);
    console.log(`0 passed, ${SCENARIOS.length} failed`);
    process.exit(1);
  },
);
