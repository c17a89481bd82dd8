import assert from 'node:assert/strict';
import { until } from '../e2e/workbench';
import type { WebWorkbench } from './webWorkbench';

/** The example the scenario opens: PC203 (five active servers) and PC207 (more users than four can carry). */
export const DESCRIPTOR = 'too-many-active.topology.yaml';

export interface StepContext {
  wb: WebWorkbench;
  /** The descriptor's text as mounted. */
  text: string;
  /** Where test-web serves the extension from: the rule pages are under it. */
  extensionUrl: string;
}

export interface Step {
  name: string;
  slug: string;
  run(context: StepContext): Promise<void>;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** The text of a 1-based line of the active editor as shown (the editor draws spaces as no-break spaces). */
const shownLine = async (wb: WebWorkbench, line: number) => (await (await wb.line(line)).innerText()).replace(/\u00a0/g, ' ');

/** One scenario, step by step: each step starts where the one before left the workbench. */
export const STEPS: Step[] = [
  {
    name: 'opening the descriptor lists PC203 and PC207 in Problems and counts them in the status bar',
    slug: 'problems',
    async run({ wb }) {
      await wb.openFile(DESCRIPTOR);
      await until('PC203 and PC207 in Problems', async () => (await wb.problemCodes()).join() === 'PC203,PC207', 30_000);
      const status = (await wb.statusBarTexts()).find((t) => t.includes('Topology'));
      assert.match(status ?? '', /2\s+0\s+Topology/, `status bar: ${status}`);
    },
  },
  {
    name: "hovering the pool shows its capacity; the finding's hover links its rule page in the extension",
    slug: 'hover',
    async run({ wb, text, extensionUrl }) {
      await wb.focusEditor();
      const pool = await wb.hover(lineOf(text, '- id: pchat'), 'pchat');
      for (const figure of ['5 active', '80,000', '85,000']) assert.ok(pool.includes(figure), `pool hover lacks ${figure}: ${pool}`);
      const server = await wb.hover(lineOf(text, 'fqdn: pc5.corp'), 'pc5.corp.woodgrove.com');
      assert.match(server, /PC203/, server);
      const link = wb.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'PC203 docs' }).first();
      const href = (await link.getAttribute('data-href')) ?? (await link.getAttribute('href'));
      assert.ok(href?.startsWith(extensionUrl) && href.endsWith('/docs/rules/PC203.md'), `the rule page link: ${href}`);
      await wb.page.keyboard.press('Escape');
    },
  },
  {
    name: "Ctrl+. on PC203 offers the catalog's fix; applying it removes PC203",
    slug: 'quick-fix',
    async run({ wb, text }) {
      await wb.focusEditor();
      const line = lineOf(text, 'fqdn: pc5.corp');
      await wb.goTo(line, 17);
      await wb.page.keyboard.press('Control+.');
      // The catalog's fix is the preferred one, so the list opens on it: Enter applies it.
      const item = wb.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Mark pc5.corp.woodgrove.com standby' });
      await item.waitFor({ state: 'visible', timeout: 10_000 });
      await wb.page.keyboard.press('Enter');
      await until('state: standby under pc5', async () => (await shownLine(wb, line + 1)).trim() === 'state: standby');
      await until('PC203 gone from Problems', async () => (await wb.problemCodes()).join() === 'PC207', 15_000);
    },
  },
  {
    name: 'completion after nextHop: offers the Front End pool, and Enter takes it',
    slug: 'completion',
    async run({ wb, text }) {
      await wb.focusEditor();
      const line = lineOf(text, 'nextHop: fe');
      await wb.goTo(line, text.split('\n')[line - 1].length + 1);
      for (let i = 0; i < 'fe'.length; i++) await wb.page.keyboard.press('Backspace');
      await wb.page.keyboard.press('Control+Space');
      const rows = wb.page.locator('.suggest-widget .monaco-list-row .label-name');
      await until('completion items', async () => (await rows.count()) > 0);
      assert.deepEqual((await rows.allInnerTexts()).map((l) => l.trim()), ['fe']);
      await wb.page.keyboard.press('Enter');
      await until('nextHop: fe again', async () => (await shownLine(wb, line)).trim() === 'nextHop: fe');
    },
  },
  {
    name: 'F2 on the Front End pool id renames it and its reference',
    slug: 'rename',
    async run({ wb, text }) {
      await wb.focusEditor();
      const definition = lineOf(text, '- id: fe');
      await wb.goTo(definition, text.split('\n')[definition - 1].indexOf('fe') + 1);
      await wb.page.keyboard.press('F2');
      const input = wb.page.locator('.rename-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill('fe-ny');
      await wb.page.keyboard.press('Enter');
      await until('the definition renamed', async () => (await shownLine(wb, definition)).trim() === '- id: fe-ny');
      assert.equal((await shownLine(wb, lineOf(text, 'nextHop: fe'))).trim(), 'nextHop: fe-ny');
    },
  },
  {
    name: 'the preview opens to the side and draws the pool, its five servers and the renamed Front End pool',
    slug: 'preview',
    async run({ wb }) {
      await wb.focusEditor();
      await wb.runCommand('Persistent Chat Topology: Open Preview to the Side');
      const preview = wb.preview();
      await preview.locator('.node.persistentChatPool').first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await preview.locator('.node.persistentChatPool').count(), 1);
      assert.equal(await preview.locator('.node.persistentChatServer').count(), 5);
      assert.match((await preview.locator('.node.frontEndPool').first().textContent()) ?? '', /fe-ny/, 'the preview shows the renamed pool');
    },
  },
  {
    name: 'Export as SVG writes the drawing beside the descriptor, through the workspace file system',
    slug: 'export',
    async run({ wb }) {
      await wb.runCommand('Persistent Chat Topology: Export Preview as SVG');
      await until('the save dialog to propose the .svg name', async () => (await wb.quickInput.inputValue()).endsWith('too-many-active.topology.svg'));
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'too-many-active.topology.svg' }).waitFor({ state: 'visible', timeout: 10_000 });
    },
  },
  {
    name: 'after Restart Language Server the new server in its new worker checks the next edit',
    slug: 'restart',
    async run({ wb, text }) {
      await wb.runCommand('Persistent Chat Topology: Restart Language Server');
      await until('PC207 in Problems from the new server', async () => (await wb.problemCodes()).join() === 'PC207', 15_000);
      await wb.page.keyboard.press('Control+1');
      await wb.goTo(lineOf(text, 'fqdn: pc5.corp') + 1);
      await until('the quick fix line under the cursor', async () => (await shownLine(wb, lineOf(text, 'fqdn: pc5.corp') + 1)).trim() === 'state: standby');
      await wb.page.keyboard.press('Control+Shift+K');
      await until('PC203 back in Problems', async () => (await wb.problemCodes()).join() === 'PC203,PC207', 15_000);
    },
  },
];
