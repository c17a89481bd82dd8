// The preview page as VS Code's webview shows it (previewHtml, preview.js, preview.css, the diagram worker, its
// Content-Security-Policy untouched), served from 127.0.0.1 to Chromium, with a stand-in for acquireVsCodeApi that
// records what the page posts. The browser suite and bench/previewBench.ts drive it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/previewHtml';
import type { DiagramModel } from '../../server/src/service/features/diagramModel';
import { REPO } from '../helpers';

export const CHROMIUM = process.env.PCHAT_CHROMIUM ?? '/usr/bin/chromium';
/** Built by `npm run build`. */
const WORKER = join(REPO, 'dist', 'webview', 'diagramWorker.js');

export interface Posted {
  type: string;
  [key: string]: unknown;
}

/** What the page reports once a drawing shows: its nodes; how long since the model arrived, and in the worker; when, since the page started. */
export interface Rendered extends Posted {
  nodes: number;
  ms: number;
  workerMs: number;
  at: number;
}

/** What the page's globals look like from page.evaluate; the root tsconfig has no DOM lib, so only what is used. */
export interface PageGlobals {
  __posted: Posted[];
  __state: unknown;
  __csp: { directive: string; blocked: string; sample: string }[];
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The stand-in for VS Code's webview API: one call only, as in VS Code; messages are cloned, as VS Code serializes them. */
const VSCODE_API_SHIM = `
window.__posted = [];
window.__state = undefined;
let acquired = false;
window.acquireVsCodeApi = () => {
  if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
  acquired = true;
  return {
    postMessage: (m) => window.__posted.push(structuredClone(m)),
    getState: () => window.__state,
    setState: (s) => { window.__state = structuredClone(s); },
  };
};`;

/** Runs in every page before anything else (Playwright injects it outside the CSP): records CSP violations. */
const RECORD_CSP = `
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));`;

/** The files the page asks for, and where they are. */
const FILES: Record<string, { path: string; type: string }> = {
  '/media/preview.js': { path: join(REPO, 'client', 'media', 'preview.js'), type: 'text/javascript' },
  '/media/preview.css': { path: join(REPO, 'client', 'media', 'preview.css'), type: 'text/css' },
  '/dist/webview/diagramWorker.js': { path: WORKER, type: 'text/javascript' },
};

/** The harness page for one title: the product's page, plus the nonce'd shim just before the page script. */
function harnessPage(origin: string, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const html = previewHtml({ cspSource: origin, nonce, scriptUri: '/media/preview.js', styleUri: '/media/preview.css', workerUri: '/dist/webview/diagramWorker.js', title });
  const pageScript = `<script nonce="${nonce}" src="/media/preview.js"`;
  assert.equal(html.split(pageScript).length, 2, 'the page loads preview.js once, with the nonce');
  return html.replace(pageScript, `<script nonce="${nonce}">${VSCODE_API_SHIM}</script>\n${pageScript}`);
}

export interface Harness {
  server: Server;
  origin: string;
  browser: Browser;
  /** Requests the page made that the harness did not expect. */
  unexpected: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  assert.ok(existsSync(WORKER), `${WORKER} is missing: run npm run build first`);
  const unexpected: string[] = [];
  const harness = { unexpected } as Harness;
  harness.server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/page/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(harnessPage(harness.origin, decodeURIComponent(path.slice('/page/'.length))));
    } else if (FILES[path]) {
      res.writeHead(200, { 'content-type': `${FILES[path].type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(readFileSync(FILES[path].path, 'utf8'));
    } else if (path === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      unexpected.push(`${req.method} ${path}`);
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => harness.server.listen(0, '127.0.0.1', resolve));
  harness.origin = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}`;
  harness.browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  harness.close = async () => {
    await harness.browser.close();
    await new Promise((resolve) => harness.server.close(resolve));
  };
  return harness;
}

export interface Problems {
  console: string[];
  pageErrors: string[];
}

/** A page that records console errors, page errors and CSP messages, once it has posted 'ready'. */
export async function openPage(harness: Harness, name: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; problems: Problems }> {
  const page = await harness.browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  const problems: Problems = { console: [], pageErrors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning' || /Content Security Policy/i.test(m.text())) problems.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  await page.addInitScript({ content: RECORD_CSP });
  await page.goto(`${harness.origin}/page/${encodeURIComponent(name)}`);
  await waitForPosted(page, 'ready', 1);
  return { page, problems };
}

export const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);

export async function waitForPosted(page: Page, type: string, count: number, timeout?: number): Promise<Posted[]> {
  await page.waitForFunction(([t, n]) => (globalThis as unknown as PageGlobals).__posted.filter((m) => m.type === t).length >= n, [type, count] as const, { timeout });
  return (await posted(page)).filter((m) => m.type === type);
}

/** What the extension posts to the page. */
export const postToPage = (page: Page, message: Posted) => page.evaluate((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*'), message);

/** What the extension sends (PreviewPanel.redraw), and the page's report of the drawing once it shows. */
export async function sendModel(page: Page, model: DiagramModel, timeout?: number): Promise<Rendered> {
  const rendered = (await posted(page)).filter((m) => m.type === 'rendered').length;
  await postToPage(page, { type: 'model', model, status: `${model.counts.error} errors · ${model.counts.warning} warnings` });
  const [reply, ...rest] = (await waitForPosted(page, 'rendered', rendered + 1, timeout)).slice(rendered);
  assert.equal(rest.length, 0, 'one model, one rendered message');
  return reply as Rendered;
}
