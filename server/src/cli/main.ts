import { PACKAGE_VERSION } from '../packageInfo';
import { checkCommand } from './checkCommand';
import { FileError } from './fileErrors';
import { importCommand } from './importCommand';
import { errorLine, UsageError, type CommandIO } from './io';
import { renderCommand } from './renderCommand';

const MAIN_HELP = `Usage: pchat-topology <command> [options]

Checks Lync Server 2013 Persistent Chat topologies against Topology Builder's
and Microsoft's planning rules: topology descriptors (*.topology.yaml) and
Topology Builder's own files (*.tbxml, and the *.xml of Get-CsTopology -AsXml).

Commands:
  check <file | folder | glob | ->...  Report findings (and fix the safe ones with --fix)
  render <file | -> -o <out.svg>       Draw the pool layout as an SVG file
  import <file.tbxml | file.xml | ->   Write a descriptor from a Topology Builder file
         [-o <out.topology.yaml>]      (to plan growth in YAML)

'-' reads standard input.

Options:
  -h, --help      Show this help; 'pchat-topology <command> --help' for a command
  -v, --version   Show the version
`;

const COMMANDS: Record<string, (args: string[], io: CommandIO) => Promise<number>> = {
  check: checkCommand,
  render: renderCommand,
  import: importCommand,
};

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.out(MAIN_HELP);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.out(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (!entry) throw new UsageError(`unknown command '${command}'. Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return await entry(rest, io);
  } catch (error) {
    if (error instanceof FileError) {
      io.err(errorLine(error.message));
      return 2;
    }
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!usage) throw error;
    io.err(`${errorLine((error as Error).message)}Run 'pchat-topology ${entry ? `${command} ` : ''}--help' for usage.\n`);
    return 2;
  }
}
