import { parseArgs } from 'node:util';
import { renderDiagramSvg } from '../diagram/renderSvg';
import { unreadableSvg } from '../diagram/unreadableSvg';
import { diagramModel } from '../service/features/diagramModel';
import { analyze } from '../service/languageService';
import { formatResults } from './formats';
import { namedSource, stdinName } from './inputFiles';
import { UsageError, type CommandIO } from './io';
import { readSource, writeTextFile } from './textFiles';

export const RENDER_HELP = `Usage: pchat-topology render <file | -> -o <out.svg | ->

Draws the pool layout of a topology descriptor as a standalone SVG file: the same
drawing as the VS Code preview (sites, pools and their servers, SQL Servers with the
databases they host, next-hop, mirroring and log-shipping links; entities with
findings outlined in their severity's colour). '-' reads standard input.

A file with nothing to draw, because it is not YAML or not a topology, gets an SVG
that states the reason (the PC001 or PC002 finding), and the exit status is 1.

Options:
  -o, --output <file>      Where to write the SVG (required; '-' writes to stdout).
                           Its folder must exist.
  --stdin-filename <name>  The name of standard input in messages (default: <stdin>).
  -h, --help               Show this help.

Exit status: 0 when drawn, 1 when the file cannot be drawn, 2 for a usage error or
a file that cannot be read or written.
`;

const NOT_DRAWABLE_CODES = new Set(['PC001', 'PC002']);

export async function renderCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      'stdin-filename': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('render takes exactly one topology file.');
  if (!values.output) throw new UsageError('render needs -o <out.svg>.');
  const [input] = positionals;
  const source = namedSource(input, stdinName(values['stdin-filename'], positionals));
  const analysis = analyze(await readSource(source, io));
  const model = diagramModel(analysis);
  const reason = model.nodes.length === 0 ? analysis.findings.find((f) => NOT_DRAWABLE_CODES.has(f.code)) : undefined;
  const svg = reason ? unreadableSvg(source.name, reason) : await renderDiagramSvg(model);
  if (values.output === '-') io.out(svg);
  else await writeTextFile(values.output, svg);
  if (reason) {
    io.err(formatResults([{ file: source.name, findings: [reason] }], 'text'));
    if (values.output !== '-') io.err(`${values.output}: ${source.name} cannot be drawn; the SVG says why.\n`);
    return 1;
  }
  if (values.output !== '-') io.err(`${values.output}: ${model.nodes.length} entities, ${model.edges.length} links, ${model.counts.error} error(s), ${model.counts.warning} warning(s).\n`);
  return 0;
}
