// The preview page in a real browser (previewHarness.ts): every example's model is drawn by the page's worker,
// screenshotted to .artifacts/browser/, clicked, tabbed through, zoomed.
//
//   node --import tsx --test test/browser/preview.browser.test.ts
//
// Not part of `npm test`: it needs Chromium (/usr/bin/chromium, or PCHAT_CHROMIUM) and skips without it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DIAGRAM_THEMES, PALETTES } from '../../server/src/diagram/diagramPalette';
import type { DiagramModel } from '../../server/src/service/features/diagramModel';
import { backgroundSamples, blackPixels, decodePng, wrongBackgrounds } from '../renderer/pngPixels';
import { dataRange, draw, examples, parseSvg, REPO, type Drawing } from '../renderer/svgDocument';
import { CHROMIUM, openPage, posted, postToPage, sendModel, startHarness, waitForPosted, type Harness, type PageGlobals, type Posted, type Problems } from './previewHarness';

const ARTIFACTS = join(REPO, '.artifacts', 'browser');
const VIEWPORT = { width: 1280, height: 800 };

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Reveal extends Posted {
  id: string;
  range: LspRange;
}
// The few browser globals the page.evaluate callbacks use, declared in this module only: the root tsconfig has no
// DOM lib, and adding it would let DOM globals into the server code's type checks.
interface DomElement {
  id: string;
  textContent: string | null;
  scrollLeft: number;
  scrollTop: number;
  style: { transform: string; setProperty(name: string, value: string): void };
  classList: { add(name: string): void; remove(name: string): void };
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  appendChild(child: DomElement): void;
  insertAdjacentHTML(position: string, html: string): void;
  innerHTML: string;
  cloneNode(deep: boolean): DomElement;
  querySelectorAll(selector: string): { forEach(f: (e: DomElement) => void): void };
}
declare const document: {
  activeElement: DomElement | null;
  documentElement: DomElement;
  body: DomElement;
  createElement(tag: string): DomElement;
  getElementById(id: string): DomElement;
};
declare function getComputedStyle(element: unknown): { fill: string; stroke: string; strokeWidth: string; strokeDasharray: string; backgroundColor: string };

/** VS Code's dark theme as a webview receives it: variables on <html>, a class on <body>. */
const DARK = {
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-foreground': '#cccccc',
  '--vscode-sideBar-background': '#252526',
  '--vscode-editorWidget-background': '#252526',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-button-secondaryBackground': '#3a3d41',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#45494e',
  '--vscode-button-background': '#0e639c',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-focusBorder': '#007fd4',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-errorForeground': '#f48771',
  '--vscode-font-family': 'sans-serif',
};

/** `#rrggbb` as getComputedStyle gives it: `rgb(r, g, b)`. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

const EXAMPLES = examples();

const cspViolations = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__csp);

/** The model drawn in the page; the number of nodes the page drew. */
const sendUpdate = async (page: Page, drawing: Drawing) => (await sendModel(page, drawing.model)).nodes;

async function lastReveal(page: Page, count: number): Promise<Reveal> {
  const reveals = (await waitForPosted(page, 'reveal', count)) as Reveal[];
  assert.equal(reveals.length, count, `${reveals.length} reveal messages, expected ${count}`);
  return reveals[count - 1];
}

/** `translate(Xpx, Ypx) scale(S)` of #canvas. */
async function canvasTransform(page: Page): Promise<{ x: number; y: number; scale: number; text: string }> {
  const text = await page.locator('#canvas').evaluate((el) => el.style.transform as string);
  const m = /^translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\) scale\(([\d.e-]+)\)$/.exec(text);
  assert.ok(m, `canvas transform ${JSON.stringify(text)}`);
  return { x: Number(m[1]), y: Number(m[2]), scale: Number(m[3]), text };
}

/** Equal within the six significant digits CSS serializes a transform with. */
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(a), Math.abs(b));

const rangeOf = (model: DiagramModel, id: string): LspRange => {
  const node = model.nodes.find((n) => n.id === id);
  assert.ok(node, `no model node ${id}`);
  return { start: { ...node.range.start }, end: { ...node.range.end } };
};

/** The computed style of a node's frame. */
const frameStyle = (page: Page, id: string) =>
  page.locator(`#canvas .node[data-id="${id}"] > rect.frame`).evaluate((el) => {
    const style = getComputedStyle(el);
    return { stroke: style.stroke, strokeWidth: style.strokeWidth, dash: style.strokeDasharray, fill: style.fill };
  });

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

describe('preview page in Chromium', { skip }, () => {
  let harness: Harness;
  const drawings = new Map<string, Drawing>();

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    harness = await startHarness();
    for (const example of EXAMPLES) drawings.set(example.name, await draw(example.text));
  });

  after(async () => {
    await harness?.close();
  });

  for (const example of EXAMPLES) {
    describe(example.path, () => {
      let page: Page;
      let problems: Problems;
      let drawing: Drawing;
      let poolId: string;

      before(async () => {
        drawing = drawings.get(example.name)!;
        poolId = drawing.model.nodes.find((n) => n.kind === 'persistentChatPool')!.id;
        ({ page, problems } = await openPage(harness, `Preview ${example.name}.topology.yaml`));
      });
      after(() => page?.close());

      it('draws every node and edge of the model, fitted into the view, in the page style', async () => {
        const { model } = drawing;
        assert.equal(await page.locator('#canvas .placeholder').count(), 1, 'the placeholder shows until the first update');
        assert.equal(await sendUpdate(page, drawing), model.nodes.length, 'the rendered message counts the model nodes');
        assert.equal(await page.locator('#canvas .node').count(), model.nodes.length);
        assert.equal(await page.locator('#canvas .edge').count(), model.edges.length);
        assert.equal(await page.locator('#canvas svg style').count(), 0, 'the SVG has no <style> for the CSP to refuse');
        assert.equal(await page.locator('#status').textContent(), `${model.counts.error} errors · ${model.counts.warning} warnings`);

        // Fitted: the whole drawing is inside the viewport below the toolbar.
        const view = (await page.locator('#viewport').boundingBox())!;
        const svg = (await page.locator('#canvas svg').boundingBox())!;
        assert.ok(svg.width > 50 && svg.height > 50, `drawing is ${svg.width}×${svg.height}`);
        assert.ok(svg.x >= view.x - 1 && svg.y >= view.y - 1 && svg.x + svg.width <= view.x + view.width + 1 && svg.y + svg.height <= view.y + view.height + 1, `drawing ${JSON.stringify(svg)} not inside the viewport ${JSON.stringify(view)}`);

        // The page's own (nonce'd) copy of the diagram style reaches the drawing.
        for (const node of model.nodes.filter((n) => n.severity === 'error')) assert.deepEqual((await frameStyle(page, node.id)).stroke, 'rgb(229, 20, 0)', `${node.id} outlined red`);
        for (const node of model.nodes.filter((n) => n.severity === 'warning')) assert.deepEqual((await frameStyle(page, node.id)).stroke, 'rgb(191, 136, 3)', `${node.id} outlined amber`);
        for (const node of model.nodes.filter((n) => n.state === 'standby' && !n.severity)) assert.equal((await frameStyle(page, node.id)).dash, '5px, 3px', `${node.id} dashed`);
        const poolSeverity = drawing.model.nodes.find((n) => n.id === poolId)!.severity;
        assert.equal((await frameStyle(page, poolId)).strokeWidth, (poolSeverity ? { error: '3px', warning: '3px', information: '2px', hint: '2px' }[poolSeverity] : '1px'), `pool frame (${poolSeverity ?? 'no findings'})`);

        await page.screenshot({ path: join(ARTIFACTS, `${example.name}.png`) });
      });

      it('posts reveal with the node range when a Persistent Chat pool is clicked', async () => {
        const title = page.locator(`#canvas .node[data-id="${poolId}"] > text.title`);
        await title.click();
        const reveal = await lastReveal(page, 1);
        const attr = await page.locator(`#canvas .node[data-id="${poolId}"]`).getAttribute('data-range');
        assert.equal(attr, dataRange(rangeOf(drawing.model, poolId)));
        assert.deepEqual(reveal, { type: 'reveal', id: poolId, range: rangeOf(drawing.model, poolId) });
        assert.deepEqual(await page.locator('#canvas .node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') as string)), [poolId]);
      });

      it('reaches a node with Tab and reveals it with Enter', async () => {
        await page.locator('#viewport').focus();
        const order = await page.locator('#canvas .node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') as string));
        const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.id ?? null);
        await page.keyboard.press('Tab');
        assert.equal(await focused(), order[0], 'Tab from the viewport lands on the first node');
        await page.keyboard.press('Tab');
        assert.equal(await focused(), order[1], 'and the next Tab on the second');
        assert.equal((await frameStyle(page, order[1])).stroke, 'rgb(0, 120, 212)', 'the focused node shows the focus border');
        await page.keyboard.press('Enter');
        assert.deepEqual(await lastReveal(page, 2), { type: 'reveal', id: order[1], range: rangeOf(drawing.model, order[1]) });
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press(' ');
        assert.deepEqual(await lastReveal(page, 3), { type: 'reveal', id: order[0], range: rangeOf(drawing.model, order[0]) }, 'Space reveals too');
        const { view } = ((await page.evaluate(() => (globalThis as unknown as PageGlobals).__state)) ?? {}) as { view?: unknown };
        assert.ok(view, 'the view is kept in the webview state');
      });

      it('zooms with the toolbar, and keeps the zoom across updates', async () => {
        const fitted = await canvasTransform(page);
        await page.locator('#zoom-in').click();
        const zoomed = await canvasTransform(page);
        assert.ok(near(zoomed.scale / fitted.scale, 1.2), `zoom in: ${fitted.text} → ${zoomed.text}`);
        assert.notEqual(zoomed.text, fitted.text);
        await page.locator('#zoom-out').click();
        const back = await canvasTransform(page);
        assert.ok(near(back.scale, fitted.scale) && near(back.x, fitted.x) && near(back.y, fitted.y), `zoom out undoes zoom in: ${back.text} vs ${fitted.text}`);
        await page.locator('#zoom-in').click();
        await page.locator('#zoom-in').click();
        const before = await canvasTransform(page);
        assert.ok(near(before.scale / fitted.scale, 1.44), `twice: ${before.text}`);

        assert.equal(await sendUpdate(page, drawing), drawing.model.nodes.length);
        assert.equal((await canvasTransform(page)).text, before.text, 'an update keeps the zoom and pan');
        assert.deepEqual(await page.locator('#canvas .node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') as string)), [(await lastReveal(page, 3)).id], 'and the selection');

        await page.locator('#fit').click();
        assert.equal((await canvasTransform(page)).text, fitted.text, 'Fit returns to the first view');
      });

      it('follows a dark theme through the VS Code variables', async () => {
        await page.evaluate((vars) => {
          for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
          document.body.classList.add('vscode-dark');
        }, DARK);
        const text = await page.locator('#canvas svg text.header').evaluate((el) => getComputedStyle(el).fill);
        assert.equal(text, 'rgb(204, 204, 204)', 'diagram text takes --vscode-foreground');
        const { fill, stroke } = await frameStyle(page, poolId);
        assert.equal(fill, 'rgb(30, 30, 30)', 'frames take --vscode-editor-background');
        const severity = drawing.model.nodes.find((n) => n.id === poolId)!.severity;
        const outline = { error: DARK['--vscode-editorError-foreground'], warning: DARK['--vscode-editorWarning-foreground'], information: DARK['--vscode-editorInfo-foreground'], hint: DARK['--vscode-editorInfo-foreground'] };
        assert.equal(stroke, rgb(severity ? outline[severity] : DARK['--vscode-charts-blue']), `the pool's outline (${severity ?? 'no findings'})`);
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(30, 30, 30)');
        // The colours the SVG carries as values for a standalone file all give way to the theme's.
        const themeColours = new Set(['none', ...Object.values(DARK).filter((v) => v.startsWith('#')).map(rgb)]);
        const paints = await page.locator('#canvas svg rect, #canvas svg path, #canvas svg text').evaluateAll((els) =>
          els.map((e) => ({ element: `<${e.tagName} class="${e.getAttribute('class')}">`, fill: getComputedStyle(e).fill, stroke: getComputedStyle(e).stroke })),
        );
        const stale = paints.filter((p) => !themeColours.has(p.fill) || !themeColours.has(p.stroke));
        assert.deepEqual(stale.slice(0, 5), [], `${stale.length} of ${paints.length} shapes keep a colour of their own`);
        await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
        await page.screenshot({ path: join(ARTIFACTS, `${example.name}-dark.png`) });
      });

      it('logged no errors, no CSP violations, and requested nothing unexpected', async () => {
        assert.deepEqual(await cspViolations(page), []);
        assert.deepEqual(problems.pageErrors, []);
        assert.deepEqual(problems.console, []);
        assert.deepEqual(harness.unexpected, []);
      });
    });
  }

  describe('messages besides update, dragging, the wheel and the keyboard (ee-multiple-server)', () => {
    let page: Page;
    let problems: Problems;
    const name = 'ee-multiple-server';

    before(async () => ({ page, problems } = await openPage(harness, `Preview ${name}`)));
    after(() => page?.close());

    const centre = async (id: string) => {
      const box = (await page.locator(`#canvas .node[data-id="${id}"]`).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };

    it('pans by dragging, even from a node, without revealing it', async () => {
      await sendUpdate(page, drawings.get(name)!);
      const start = await canvasTransform(page);
      const from = await centre('fe:fe-redmond/server:0');
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y + 40, { steps: 6 });
      await page.mouse.up();
      const moved = await canvasTransform(page);
      assert.ok(near(moved.x, start.x + 60) && near(moved.y, start.y + 40) && near(moved.scale, start.scale), `${start.text} → ${moved.text}`);
      assert.equal((await posted(page)).filter((m) => m.type === 'reveal').length, 0, 'a drag is not a click');
      await page.locator('#canvas .node[data-id="fe:fe-redmond/server:0"] > text.title').click();
      assert.equal((await lastReveal(page, 1)).id, 'fe:fe-redmond/server:0', 'the next plain click reveals');
    });

    it('zooms with the wheel around the cursor', async () => {
      const id = 'sql:sqlpc01.corp.contoso.com/PCHAT';
      const before = await canvasTransform(page);
      const at = await centre(id);
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, -100);
      await page.waitForFunction((t) => document.getElementById('canvas').style.transform !== t, before.text);
      const after = await canvasTransform(page);
      assert.ok(near(after.scale / before.scale, 1.1), `${before.text} → ${after.text}`);
      const still = await centre(id);
      assert.ok(Math.abs(still.x - at.x) < 1 && Math.abs(still.y - at.y) < 1, `the node under the cursor stays there: ${JSON.stringify(at)} → ${JSON.stringify(still)}`);
    });

    it('zooms, pans and fits with the keyboard on the viewport', async () => {
      await page.locator('#viewport').focus();
      await page.keyboard.press('0');
      const fitted = await canvasTransform(page);
      await page.keyboard.press('+');
      const zoomed = await canvasTransform(page);
      assert.ok(near(zoomed.scale / fitted.scale, 1.2), `+: ${fitted.text} → ${zoomed.text}`);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowUp');
      const panned = await canvasTransform(page);
      assert.ok(near(panned.x, zoomed.x + 40) && near(panned.y, zoomed.y + 40), `arrows: ${zoomed.text} → ${panned.text}`);
      await page.keyboard.press('-');
      assert.ok(near((await canvasTransform(page)).scale, fitted.scale));
      await page.keyboard.press('0');
      assert.equal((await canvasTransform(page)).text, fitted.text);
    });

    it('keeps a keyboard-focused node in view when zoomed in', async () => {
      await page.locator('#fit').click();
      for (let i = 0; i < 8; i++) await page.locator('#zoom-in').click();
      await page.locator('#viewport').focus();
      const view = (await page.locator('#viewport').boundingBox())!;
      const problemsSeen: string[] = [];
      for (let i = 0; i < drawings.get(name)!.model.nodes.length; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect();
          const v = document.getElementById('viewport');
          return { id: document.activeElement!.getAttribute('data-id'), box: { x: r.x, y: r.y, width: r.width, height: r.height }, scroll: [v.scrollLeft, v.scrollTop] };
        });
        const visible = state.box.x < view.x + view.width && state.box.x + state.box.width > view.x && state.box.y < view.y + view.height && state.box.y + state.box.height > view.y;
        if (!visible || state.scroll[0] || state.scroll[1]) problemsSeen.push(`${state.id}: ${visible ? 'visible' : 'off-screen'}, viewport scrolled ${state.scroll.join(',')}`);
      }
      await page.locator('#fit').click();
      assert.equal(problemsSeen.length, 0, `${problemsSeen.length} of ${drawings.get(name)!.model.nodes.length} nodes, e.g.\n${problemsSeen.slice(0, 6).join('\n')}`);
    });

    it('highlight selects a node; locked sets the lock button; Export and Lock post their messages', async () => {
      await sendUpdate(page, drawings.get(name)!);
      const reveals = (await posted(page)).filter((m) => m.type === 'reveal').length;
      await postToPage(page, { type: 'highlight', id: 'pc:pchat/server:4' });
      await page.waitForSelector('#canvas .node.selected[data-id="pc:pchat/server:4"]');
      assert.equal(await page.locator('#canvas .node.selected').count(), 1);
      await postToPage(page, { type: 'locked', locked: true });
      await page.waitForSelector('#lock[aria-pressed="true"]');
      await page.locator('#export').click();
      await page.locator('#lock').click();
      const types = (await posted(page)).map((m) => m.type);
      assert.deepEqual(types.slice(-2), ['export', 'toggleLock']);
      assert.equal(types.filter((t) => t === 'reveal').length, reveals, 'highlight and toolbar clicks reveal nothing');
    });

    it('shows an error as text, never as markup, and draws again on the next update', async () => {
      await postToPage(page, { type: 'error', text: 'bad <img src=x onerror="window.__pwned=1"> input' });
      await page.waitForSelector('#canvas p.error');
      assert.equal(await page.locator('#canvas p.error').textContent(), 'bad <img src=x onerror="window.__pwned=1"> input');
      assert.equal(await page.locator('#canvas img').count(), 0);
      assert.equal(await page.locator('#canvas .node').count(), 0);
      assert.equal(await sendUpdate(page, drawings.get(name)!), drawings.get(name)!.model.nodes.length);
    });

    it('draws for an export the same SVG, byte for byte, that the CLI writes with the same layout code under Node', async () => {
      const example = EXAMPLES.find((e) => e.name === name)!;
      for (const theme of DIAGRAM_THEMES) {
        const exported = (await posted(page)).filter((m) => m.type === 'exported').length;
        await postToPage(page, { type: 'export', id: exported, model: drawings.get(name)!.model, theme });
        const [reply] = (await waitForPosted(page, 'exported', exported + 1)).slice(exported);
        assert.equal(reply.id, exported);
        assert.equal(reply.svg, (await draw(example.text, theme)).svg, `the ${theme} export`);
      }
    });

    it('draws only the newest of the models that arrive while one is drawn', async () => {
      const { text } = EXAMPLES.find((e) => e.name === name)!;
      const models = [61_000, 52_000, 43_000].map((users) => draw(text.replace('concurrentUsers: 72000', `concurrentUsers: ${users}`)));
      const rendered = (await posted(page)).filter((m) => m.type === 'rendered').length;
      const messages = (await Promise.all(models)).map(({ model }) => ({ type: 'model', model, status: '' }));
      await page.evaluate((ms) => ms.forEach((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*')), messages);
      await page.waitForFunction(() => document.getElementById('canvas').textContent?.includes('43,000 / 80,000 users'));
      assert.equal((await posted(page)).filter((m) => m.type === 'rendered').length, rendered + 2, 'the first and the last drawn, not the one between');
      // Only the figures changed, so the worker sent the changed parts: the canvas holds what the whole drawing would be.
      const { svg } = await models[2];
      const [patched, whole] = await page.evaluate((full) => {
        const fresh = document.createElement('div');
        fresh.innerHTML = full;
        const shown = document.getElementById('canvas').cloneNode(true);
        shown.querySelectorAll('.selected').forEach((n) => n.classList.remove('selected'));
        return [shown.innerHTML, fresh.innerHTML];
      }, svg);
      assert.equal(patched, whole);
    });

    it('logged no errors', async () => {
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(problems.pageErrors, []);
      assert.deepEqual(problems.console, []);
    });
  });

  describe('the standalone SVG as an image, outside the preview', () => {
    for (const theme of DIAGRAM_THEMES) {
      it(`ee-multiple-server --theme ${theme}: the pools and sites in the theme's colours, nothing black`, async () => {
        const { svg } = await draw(EXAMPLES.find((e) => e.name === 'ee-multiple-server')!.text, theme);
        const root = parseSvg(svg);
        const [width, height] = [Number(root.attrs.width), Number(root.attrs.height)];
        const page = await harness.browser.newPage({ viewport: { width, height } });
        try {
          await page.setContent(`<!DOCTYPE html><body style="margin:0"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
          await page.waitForFunction(() => (globalThis as unknown as { document: { images: { complete: boolean; naturalWidth: number }[] } }).document.images[0]?.complete);
          const png = await page.screenshot({ clip: { x: 0, y: 0, width, height } });
          writeFileSync(join(ARTIFACTS, `standalone-${theme}.png`), png);
          const pixels = decodePng(png);
          assert.deepEqual(wrongBackgrounds(pixels, backgroundSamples(root, PALETTES[theme])), []);
          assert.equal(blackPixels(pixels), 0, 'black pixels');
        } finally {
          await page.close();
        }
      });
    }
  });

  describe('the Content-Security-Policy holds (the checks above can see a violation)', () => {
    it('refuses a <style> the page did not bring, and reports it', async () => {
      const { page, problems } = await openPage(harness, 'CSP');
      try {
        await sendUpdate(page, drawings.get('se-next-hop')!);
        await page.evaluate(() => document.getElementById('canvas').insertAdjacentHTML('afterbegin', '<style>.node { opacity: 0.5; }</style>'));
        await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__csp.length > 0);
        const violations = await cspViolations(page);
        assert.ok(
          violations.some((v) => v.directive.startsWith('style-src')),
          JSON.stringify(violations),
        );
        assert.ok(problems.console.some((m) => /Content Security Policy/.test(m)), problems.console.join('\n'));
        // An inline script without the nonce does not run.
        await page.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'window.__ran = true';
          document.body.appendChild(script);
        });
        assert.equal(await page.evaluate(() => (globalThis as unknown as { __ran?: boolean }).__ran ?? false), false);
      } finally {
        await page.close();
      }
    });
  });
});
