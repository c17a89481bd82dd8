/**
 * The preview's speed on generated topologies, where each part runs: the language server makes the diagram model,
 * the extension host only passes it on (parsing the server's answer, serializing it for the webview), and the
 * webview's worker lays it out with ELK and writes the SVG, which the page shows. The page is the product's
 * (test/browser/previewHarness.ts) in Debian's Chromium; a fresh page a size, so that the first drawing pays for
 * starting the worker and warming ELK, as opening the preview does.
 *
 * Run: node scripts/build.mjs --production && node --import tsx bench/previewBench.ts [lines...]
 * (the production build is the worker the .vsix ships).
 */
import { existsSync } from 'node:fs';
import { generateTopology } from './generateTopology';
import { diagramModel, type DiagramModel } from '../server/src/service/features/diagramModel';
import { analyze } from '../server/src/service/languageService';
import { CHROMIUM, openPage, sendModel, startHarness, waitForPosted, type Harness, type Rendered } from '../test/browser/previewHarness';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const EDITS = 9;
const GOALS = { first: 500, structural: 200, figures: 50, host: 50 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The model the language server sends for a text, and how long it took to make (its analysis included). */
function modelOf(text: string): { model: DiagramModel; ms: number } {
  const started = performance.now();
  const model = diagramModel(analyze(text));
  return { model, ms: performance.now() - started };
}

/** What the extension host does with one model: parse the server's JSON answer, and serialize it for the webview. */
function hostShare(model: DiagramModel): number {
  const started = performance.now();
  structuredClone(JSON.parse(JSON.stringify(model)));
  return performance.now() - started;
}

async function measure(harness: Harness, lines: number): Promise<void> {
  const text = generateTopology(lines);
  const { model, ms: modelMs } = modelOf(text);
  const { page } = await openPage(harness, `Preview ${lines} lines`, { width: 1400, height: 900 });
  const first = await sendModel(page, model, 120_000);
  // Since the page started loading: the worker's start, ELK's first layout, the drawing (the extension makes the
  // model meanwhile, and sends it once the page is ready).
  const firstDrawing = first.at;
  // A server added to the first pool (a new one each time: each edit changes the structure), and its planned users
  // changed (the same figures' width: only the drawing's text and colours change).
  const firstServer = /\n(\s+)- fqdn: (pc\d+-1\.corp\.contoso\.com)\n/.exec(text)!;
  const structural: Rendered[] = [];
  const figures: Rendered[] = [];
  for (let i = 0; i < EDITS; i++) {
    const added = text.replace(firstServer[0], `${firstServer[0]}${firstServer[1]}- fqdn: pc-added-${i}.corp.contoso.com\n`);
    structural.push(await sendModel(page, modelOf(added).model, 60_000));
  }
  for (let i = 0; i < EDITS; i++) figures.push(await sendModel(page, modelOf(text.replace(/concurrentUsers: (\d)\d{3}\n/, `concurrentUsers: $1${String(i).padStart(3, '0')}\n`)).model));
  await waitForPosted(page, 'rendered', 1 + 2 * EDITS);
  await page.close();
  const host = median(Array.from({ length: EDITS }, () => hostShare(model)));
  const row = [
    lines.toLocaleString('en-US').padStart(7),
    String(model.nodes.length).padStart(6),
    ms(modelMs).padStart(9),
    ms(host).padStart(9),
    `${ms(firstDrawing)} (worker ${ms(first.workerMs)})`.padStart(26),
    `${ms(median(structural.map((r) => r.ms)))} (worker ${ms(median(structural.map((r) => r.workerMs)))})`.padStart(24),
    `${ms(median(figures.map((r) => r.ms)))} (worker ${ms(median(figures.map((r) => r.workerMs)))})`.padStart(24),
  ];
  console.log(row.join('  '));
  if (lines === 2_000) {
    const check = (what: string, value: number, goal: number) => console.log(`  ${what}: ${ms(value)}, goal ≤ ${goal} ms ${value <= goal ? '(met)' : `(missed by ${ms(value - goal)})`}`);
    console.log('Goals at 2,000 lines:');
    check('first drawing after opening (the page, its worker, ELK, the drawing)', firstDrawing, GOALS.first);
    check('a server added, redrawn after the model arrives (median)', median(structural.map((r) => r.ms)), GOALS.structural);
    check('planned users changed, redrawn after the model arrives (median)', median(figures.map((r) => r.ms)), GOALS.figures);
    check('the extension host busy with one model (median)', host, GOALS.host);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set PCHAT_CHROMIUM)`);
  const harness = await startHarness();
  try {
    console.log('  lines   nodes server ms   host ms       first drawing (in worker)   server added (in worker)  users changed (in worker)');
    for (const lines of SIZES.length ? SIZES : [200, 2_000, 20_000]) await measure(harness, lines);
    console.log('Before (issue 12, ELK in the extension host): 1,450 ms to open and 450 ms for an added server at 2,000 lines, all of it blocking the host.');
  } finally {
    await harness.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
