import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderDiagramSvg } from '../diagram/renderSvg';
import { diagramModel } from '../service/features/diagramModel';
import { analyze } from '../service/languageService';
import { UsageError, type CommandIO } from './io';

export const RENDER_HELP = `Usage: pchat-topology render <file> -o <out.svg>

Draws the pool layout of a topology descriptor as a standalone SVG file: the same
drawing as the VS Code preview (sites, pools and their servers, SQL Servers with the
databases they host, next-hop, mirroring and log-shipping links; entities with
findings outlined in their severity's colour).

Options:
  -o, --output <file>  Where to write the SVG (required; '-' writes to stdout).
  -h, --help           Show this help.
`;

export async function renderCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('render takes exactly one topology file.');
  if (!values.output) throw new UsageError('render needs -o <out.svg>.');
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`pchat-topology: cannot read '${file}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.\n`);
    return 2;
  }
  const model = diagramModel(analyze(text));
  const svg = await renderDiagramSvg(model);
  if (values.output === '-') io.out(svg);
  else {
    writeFileSync(values.output, svg);
    io.err(`${values.output}: ${model.nodes.length} entities, ${model.edges.length} links, ${model.counts.error} error(s), ${model.counts.warning} warning(s).\n`);
  }
  return 0;
}
