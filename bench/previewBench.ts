/**
 * The preview's drawing cost on generated topologies: what the extension does between a change and a new
 * picture (ask the server for the diagram model, lay it out with ELK, write the SVG), measured in-process.
 * The first drawing of a process includes loading and warming the layout engine, as opening the preview does.
 * Run: node --import tsx bench/previewBench.ts
 */
import { spawnSync } from 'node:child_process';
import { generateTopology } from './generateTopology';
import { renderDiagramSvg } from '../server/src/diagram/renderSvg';
import { diagramModel } from '../server/src/service/features/diagramModel';
import { analyze } from '../server/src/service/languageService';

const SIZES = [200, 2_000, 20_000];
const EDITS = 9;

async function measure(lines: number): Promise<void> {
  const text = generateTopology(lines);
  const draw = async (source: string) => {
    const started = performance.now();
    const model = diagramModel(analyze(source));
    const afterModel = performance.now();
    const svg = await renderDiagramSvg(model);
    return { total: performance.now() - started, model: afterModel - started, nodes: model.nodes.length, bytes: svg.length };
  };
  const first = await draw(text);
  const edits: number[] = [];
  for (let i = 0; i < EDITS; i++) edits.push((await draw(text.replace('concurrentUsers: ', `concurrentUsers: ${i + 1}`))).total);
  edits.sort((a, b) => a - b);
  console.log(
    `${String(lines.toLocaleString('en-US')).padStart(7)}  ${String(first.nodes).padStart(6)}  ${first.total.toFixed(0).padStart(14)}  ${edits[EDITS >> 1].toFixed(0).padStart(17)}  ${(first.bytes / 1024).toFixed(0).padStart(7)}`,
  );
}

if (process.argv[2]) {
  void measure(Number(process.argv[2]));
} else {
  console.log('  lines   nodes  first draw ms  redraw ms (median)  SVG KB');
  for (const lines of SIZES) {
    // A fresh process a size, so that the first drawing pays what opening the preview pays.
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, String(lines)], { encoding: 'utf8' });
    process.stdout.write(run.stdout || run.stderr);
  }
  console.log('Goals at 2,000 lines: the diagram within 500 ms of opening the preview, a redraw within 200 ms of an edit.');
}
