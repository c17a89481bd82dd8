import { realpathSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeDescriptor } from '../service/descriptorWriter';
import { analyze } from '../service/languageService';
import type { Topology } from '../service/model/model';
import type { Finding } from '../service/types';
import { FileError, withFileErrors } from './fileErrors';
import { namedSource, stdinName, type Source } from './inputFiles';
import { UsageError, type CommandIO } from './io';
import { sourceDocument, syntaxOfDocument, TOPOLOGY_BUILDER_STDIN_URI } from './sourceDocuments';
import { readSource } from './textFiles';

export const IMPORT_HELP = `Usage: pchat-topology import <file.tbxml | file.xml | -> [-o <out.topology.yaml>] [--force]

Writes a topology descriptor (YAML) from a Topology Builder file: the *.tbxml that
Topology Builder saves (File > Save a copy of topology), or the *.xml that
Get-CsTopology -AsXml writes, in UTF-8 or, with a byte order mark, UTF-16. Plan
growth in the descriptor; the real topology stays in Topology Builder.

A comment above each entity names the Topology Builder cluster or service it came
from. The planning figures Topology Builder does not hold (planned users, data
centers, time zones, the global catalog, admin consoles) are written as keys
commented out: the rules that need them stay silent until you fill them in.
'-' reads standard input.

Options:
  -o, --output <file>      Where to write the descriptor (default, or '-': standard
                           output).
                           An existing file is left as it is, unless --force.
  --force                  Overwrite the file -o names if it exists.
  --stdin-filename <name>  The name of standard input in messages and in the
                           descriptor's header (default: <stdin>).
  -h, --help               Show this help.

Exit status: 0 when written; 2 for a usage error, a file that cannot be read or
written, or one that is not a Topology Builder topology.
`;

/** What -o names for standard output. */
const STDOUT = '-';

/** The findings that say the text is no Topology Builder topology at all: not XML, or XML of another kind. */
const UNREADABLE = 'PC001';
/** A part of the file the reader could not place, which the descriptor leaves out. */
const NOT_UNDERSTOOD = 'PC010';

/** A finding as one line of an error: where it is, and its message with line breaks (a quoted bit of the file) as spaces. */
const inOneLine = (finding: Finding) => `line ${finding.range.start.line + 1}, column ${finding.range.start.character + 1}: ${finding.message.replace(/\s*\n\s*/g, ' ')}`;

const entityCount = (t: Topology) => t.sites.length + t.sqlStores.length + t.fileStores.length + t.frontEndPools.length + t.persistentChatPools.length + t.adminConsoles.length;

/** The topology of a Topology Builder file, and what of it the reader left out, or a one-line error. */
async function readTopologyBuilderFile(source: Source, io: CommandIO): Promise<{ topology: Topology; leftOut: string[] }> {
  const { text } = await readSource(source, io);
  const document = sourceDocument(source, text, TOPOLOGY_BUILDER_STDIN_URI);
  if (syntaxOfDocument(document) !== 'topologyBuilder') throw new FileError('import', source.name, 'not a Topology Builder file (*.tbxml or *.xml); import reads those');
  const { topology, findings } = analyze(document);
  const unreadable = findings.find((f) => f.code === UNREADABLE);
  if (unreadable) throw new FileError('import', source.name, inOneLine(unreadable));
  const leftOut = findings.filter((f) => f.code === NOT_UNDERSTOOD).map(inOneLine);
  return { topology, leftOut };
}

/** Whether two names are one file; a name that does not resolve is no file yet. */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Writes the descriptor to a new file, or over an old one with --force; never over the file being imported. */
function writeNewFile(path: string, text: string, input: Source, force: boolean): Promise<void> {
  if (!input.stdin && sameFile(path, input.name)) throw new FileError('write', path, 'it is the Topology Builder file being imported');
  return withFileErrors('write', path, () => {
    try {
      writeFileSync(path, text, { flag: force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileError('write', path, 'already exists (give --force to overwrite it)');
      throw error;
    }
  });
}

export async function importCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('import takes exactly one Topology Builder file.');
  if (values.force && values.output === undefined) throw new UsageError('--force overwrites the file -o names; give -o too.');
  const source = namedSource(positionals[0], stdinName(values['stdin-filename'], positionals));
  const { topology, leftOut } = await readTopologyBuilderFile(source, io);
  const descriptor = writeDescriptor(topology, source.name, leftOut);
  const output = values.output ?? STDOUT;
  if (output === STDOUT) {
    io.out(descriptor);
    return 0;
  }
  await writeNewFile(output, descriptor, source, values.force);
  const count = entityCount(topology);
  io.err(`imported ${count} ${count === 1 ? 'entity' : 'entities'} from ${source.name} to ${output}\n`);
  return 0;
}
