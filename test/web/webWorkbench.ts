import { until, Workbench } from '../e2e/workbench';

/**
 * The workbench of VS Code 1.91 for the web, driven as the e2e suite drives VS Code 1.139: the one difference is
 * that 1.91's quick input holds checkboxes beside its text box, so the text box is named by its own class.
 */
export class WebWorkbench extends Workbench {
  readonly quickInput = this.page.locator('.quick-input-widget .quick-input-box input');

  override async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
  }

  /** Opens a file of the workspace from the explorer (VS Code for the web has no file search over a mounted folder). */
  override async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: 10_000 });
    await this.focusEditor();
  }

  override async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.quickInput.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await until(`the cursor at ${line}:${column}`, async () => {
      const { line: l, column: c } = await this.cursor();
      return l === line && c === column;
    });
  }
}
