/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` returns a truthy value, polling; throws with `what` after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (${(last as Error).message})` : ''}`);
    await sleep(100);
  }
}

/** The VS Code workbench in the browser, driven as a user drives it: keyboard, mouse, what is on screen. */
export class Workbench {
  constructor(
    readonly page: Page,
    readonly workspace: string,
  ) {}

  async load(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await until('the explorer to list the workspace', async () => (await this.page.locator('.explorer-folders-view .monaco-list-row').count()) > 0, 30_000);
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    // A command may open a quick input of its own (a file dialog), so the widget need not close.
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
  }

  /** Opens a file of the workspace through File: Open File… (VS Code's simple dialog takes a typed path). */
  async openFile(name: string): Promise<void> {
    const tab = this.page.locator(`.tab.active[data-resource-name="${name}"]`);
    // The dialog lists the folder as it opens and may complete a typed path meanwhile: try again if it did.
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('File: Open File...');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`${this.workspace}/${name}`);
      await until('the dialog to settle on the typed path', async () => (await input.inputValue()) === `${this.workspace}/${name}`, 3_000).catch(() => undefined);
      await this.page.keyboard.press('Enter');
      const opened = await tab.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (opened) break;
      if (attempt === 3) throw new Error(`${name} did not open in an editor after ${attempt} attempts`);
      await this.page.keyboard.press('Escape');
    }
    await this.focusEditor();
  }

  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.runCommand('View: Focus Active Editor Group');
    await until('the editor to have focus', async () => this.page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')));
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
  }

  /** Puts the cursor at a 1-based line and column. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await until(`the cursor at ${line}:${column}`, async () => {
      const { line: l, column: c } = await this.cursor();
      return l === line && c === column;
    });
  }

  /** The cursor position the status bar shows. */
  async cursor(): Promise<{ line: number; column: number }> {
    const text = await this.page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
    const [, line, column] = /Ln (\d+), Col (\d+)/.exec(text)!;
    return { line: Number(line), column: Number(column) };
  }

  async statusBarTexts(): Promise<string[]> {
    return this.page.locator('.statusbar-item').allInnerTexts();
  }

  /** The rule ids the Problems view lists. */
  async problemCodes(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await panel.waitFor({ state: 'visible' });
    const text = await panel.innerText();
    return [...new Set([...text.matchAll(/PC\d{3}/g)].map((m) => m[0]))].sort();
  }

  /** The rendered element of a 1-based line of the active editor (scrolling it into view first). */
  async line(line: number) {
    await this.goTo(line, 1);
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    const number = editor.locator('.line-numbers', { hasText: new RegExp(`^${line}$`) }).first();
    const top = await number.evaluate((e) => (e.parentElement as HTMLElement).style.top);
    return editor.locator(`.view-line[style*="top:${top};"], .view-line[style*="top: ${top};"]`).first();
  }

  /** Hovers the first token with this exact text on a line and returns the hover's text; the hover stays open. */
  async hover(line: number, token: string): Promise<string> {
    await this.page.mouse.move(5, 5);
    const element = (await this.line(line)).locator('span > span', { hasText: new RegExp(`^${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    const box = (await element.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    await until('the hover to fill in', async () => (await hover.innerText()).trim().length > 0);
    await sleep(300);
    return hover.innerText();
  }

  /** The colour the theme gives a token, and the editor's plain text colour. */
  async tokenColour(line: number, token: string): Promise<{ token: string; plain: string }> {
    const element = (await this.line(line)).locator('span > span', { hasText: token }).first();
    const colour = await element.evaluate((e) => getComputedStyle(e).color);
    const plain = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().evaluate((e) => getComputedStyle(e).color);
    return { token: colour, plain };
  }

  /** The preview webview's page (VS Code nests it in two iframes). */
  preview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 5 });
  }

  /** Saves the active editor and waits until the file on disk satisfies `saved`; returns its text. */
  async save(path: string, saved: (text: string) => boolean): Promise<string> {
    await this.page.keyboard.press('Control+S');
    return until(`${path} to be saved as expected`, async () => {
      const text = readFileSync(path, 'utf8');
      return saved(text) && text;
    });
  }
}
