import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DIAGRAM_THEMES, type DiagramTheme } from '../diagram/diagramPalette';
import { renderDiagramSvg } from '../diagram/renderSvg';
import { PngUnavailableError, svgToPng } from '../diagram/svgToPng';
import { unreadableSvg } from '../diagram/unreadableSvg';
import { diagramModel } from '../service/features/diagramModel';
import { analyze } from '../service/languageService';
import { FileError, withFileErrors } from './fileErrors';
import { formatResults } from './formats';
import { namedSource, stdinName } from './inputFiles';
import { UsageError, type CommandIO } from './io';
import { sourceDocument } from './sourceDocuments';
import { readSource, writeTextFile } from './textFiles';

export const RENDER_HELP = `Usage: pchat-topology render <file | -> -o <out.svg | out.png | ->

Draws the pool layout of a topology descriptor, or of a Topology Builder file (*.tbxml,
or the *.xml of Get-CsTopology -AsXml), as a standalone SVG or PNG file: the
same drawing as the VS Code preview (sites, pools and their servers, SQL Servers with
the databases they host, next-hop, mirroring, log-shipping, compliance and file store
links, a legend; entities with findings outlined in their severity's colour), with its
colours written out, so that browsers, Inkscape, librsvg and Office show it alike.
'-' reads standard input.

A file with nothing to draw, because it cannot be read or is not a topology, gets a drawing
that states the reason (the PC001 or PC002 finding), and the exit status is 1.

Options:
  -o, --output <file>      Where to write the drawing (required; '-' writes the SVG
                           to stdout). Its folder must exist.
  --format <svg|png>       What to write (default: png for a file named *.png,
                           svg otherwise).
  --theme <light|dark>     The colours (default: light).
  --stdin-filename <name>  The name of standard input in messages (default: <stdin>).
  -h, --help               Show this help.

Exit status: 0 when drawn, 1 when the file cannot be drawn, 2 for a usage error or
a file that cannot be read or written.
`;

const NOT_DRAWABLE_CODES = new Set(['PC001', 'PC002']);

type OutputFormat = 'svg' | 'png';

function outputFormat(format: string | undefined, output: string): OutputFormat {
  if (format === undefined) return /\.png$/i.test(output) ? 'png' : 'svg';
  if (format !== 'svg' && format !== 'png') throw new UsageError(`--format must be svg or png, not '${format}'.`);
  if (format === 'png' && output === '-') throw new UsageError('PNG output needs a file: -o <out.png>.');
  return format;
}

function parseTheme(value: string): DiagramTheme {
  if (!DIAGRAM_THEMES.includes(value as DiagramTheme)) throw new UsageError(`--theme must be ${DIAGRAM_THEMES.join(' or ')}, not '${value}'.`);
  return value as DiagramTheme;
}

/** The drawing where -o says: standard output ('-', SVG only), or a file in the format asked for. */
async function writeDrawing(svg: string, output: string, format: OutputFormat, io: CommandIO): Promise<void> {
  if (output === '-') return io.out(svg);
  if (format === 'svg') return writeTextFile(output, svg);
  const png = await svgToPng(svg).catch((error: unknown) => {
    throw error instanceof PngUnavailableError ? new FileError('write', output, error.message) : error;
  });
  await withFileErrors('write', output, () => writeFileSync(output, png));
}

export async function renderCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      theme: { type: 'string', default: 'light' },
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
  const format = outputFormat(values.format, values.output);
  const theme = parseTheme(values.theme);
  const [input] = positionals;
  const source = namedSource(input, stdinName(values['stdin-filename'], positionals));
  const { text } = await readSource(source, io);
  const analysis = analyze(sourceDocument(source, text));
  const model = diagramModel(analysis);
  const reason = model.nodes.length === 0 ? analysis.findings.find((f) => NOT_DRAWABLE_CODES.has(f.code)) : undefined;
  const svg = reason ? unreadableSvg(source.name, reason) : await renderDiagramSvg(model, theme);
  await writeDrawing(svg, values.output, format, io);
  if (reason) {
    io.err(formatResults([{ file: source.name, findings: [reason] }], 'text'));
    if (values.output !== '-') io.err(`${values.output}: ${source.name} cannot be drawn; the ${format.toUpperCase()} says why.\n`);
    return 1;
  }
  if (values.output !== '-') io.err(`${values.output}: ${model.nodes.length} entities, ${model.edges.length} links, ${model.counts.error} error(s), ${model.counts.warning} warning(s).\n`);
  return 0;
}
