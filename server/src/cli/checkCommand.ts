import { parseArgs } from 'node:util';
import { RULES, validate } from '../service/languageService';
import type { Severity, SeveritySetting, ValidationOptions } from '../service/types';
import { FileError } from './fileErrors';
import { fixSource, type FixMode } from './fixFiles';
import { formatResults, OUTPUT_FORMATS, type CheckedFile, type CheckRun, type FileResult, type OutputFormat } from './formats';
import { expandInputs, STDIN_ARGUMENT, stdinName } from './inputFiles';
import { errorLine, UsageError, type CommandIO } from './io';
import { sourceDocument } from './sourceDocuments';
import { readSource } from './textFiles';

export const CHECK_HELP = `Usage: pchat-topology check <file | folder | glob | ->... [options]

Checks Lync Server 2013 Persistent Chat topologies against the rule catalog:
descriptors (*.topology.yaml) and Topology Builder's files (*.tbxml saved by
Topology Builder, *.xml written by Get-CsTopology -AsXml). A folder is searched
for *.topology.yaml/yml and *.tbxml files, and for the *.xml files that hold a
Topology Builder topology (other XML is left alone), following symbolic links;
a file reached by several names is checked once. A file named on the command
line is always checked. Files may be UTF-8 or, with a byte order mark, UTF-16.
'-' reads standard input.

Options:
  --format <text|json|sarif|github>
                              Output format (default: text).
                                text:   file:line:col severity PCnnn message
                                json:   [{ file, diagnostics: [{ code, severity, message, range }] }]
                                        with 0-based LSP positions
                                sarif:  SARIF 2.1.0 for code scanning, with file URIs relative
                                        to the current folder (%SRCROOT%), rule help, fixes,
                                        fingerprints and the exit status
                                github: GitHub Actions workflow commands, one a finding
                                        (::error file=…,line=…,col=…::message)
  --rule <PCnnn=severity>     Change a rule's severity: error, warning (or warn),
                              information (or info), hint or off. Repeat for more rules.
  --max-warnings <n>          Exit with status 1 when more than n warnings remain, as
                              ESLint does (errors fail the check whatever n is).
  --quiet                     Report errors only: warnings, information and hints are left
                              out of the output and the summary. Warnings still count
                              for --max-warnings, as in ESLint.
  --report-unused-suppressions
                              Report each suppression comment (or rule id in one)
                              that silences nothing, as a PC009 finding.
  --fix                       Apply every fix that is safe without a choice, rewriting
                              the files in place in their own encoding; report on stderr
                              what was fixed and which fixes were not applied because
                              they need a choice; then report the findings that remain.
                              Topology Builder's files are never changed: make those
                              changes in Topology Builder.
                              With '-' (then the only input), the fixed text goes to
                              stdout and the findings, as text, to stderr.
  --dry-run                   With --fix: write no file; print on stdout a unified diff
                              of what --fix would change, and on stderr what it would
                              fix. The exit status is that of the fixed text.
  --stdin-filename <name>     The name of standard input in messages (default: <stdin>).
  -h, --help                  Show this help.

Exit status: 1 if any error remains or more warnings than --max-warnings allows,
0 otherwise; 2 for a usage error, a file that cannot be read or written, a folder
without topology files or a glob that matches no file (the other files are still
checked).
`;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
/** ESLint's `warn`, and `info` to go with it. */
const SEVERITY_ALIASES = new Map<string, SeveritySetting>([
  ['warn', 'warning'],
  ['info', 'information'],
]);

function severitySetting(word: string): SeveritySetting | undefined {
  const lower = word.toLowerCase();
  return SEVERITY_SETTINGS.find((s) => s === lower) ?? SEVERITY_ALIASES.get(lower);
}

function ruleOverrides(specs: string[]): Record<string, SeveritySetting> {
  const known = new Set(RULES.map((r) => r.id));
  const overrides: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const match = /^(PC\d{3})=(\w+)$/i.exec(spec);
    if (!match) throw new UsageError(`--rule takes PCnnn=severity (e.g. PC105=off), not '${spec}'.`);
    const id = match[1].toUpperCase();
    const setting = severitySetting(match[2]);
    if (!known.has(id)) throw new UsageError(`--rule: there is no rule ${id}; rules are ${RULES[0].id}…${RULES[RULES.length - 1].id} (see docs/rules).`);
    if (!setting) throw new UsageError(`--rule ${id}: severity must be one of ${[...SEVERITY_SETTINGS, ...SEVERITY_ALIASES.keys()].join(', ')}, not '${match[2]}'.`);
    overrides[id] = setting;
  }
  return overrides;
}

const countOf = (files: FileResult[], severity: Severity) => files.reduce((n, f) => n + f.findings.filter((x) => x.severity === severity).length, 0);

function summary(results: FileResult[]): string {
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  if (results.every((r) => r.findings.length === 0)) return `No problems in ${files}.\n`;
  return `${countOf(results, 'error')} error(s), ${countOf(results, 'warning')} warning(s), ${countOf(results, 'information') + countOf(results, 'hint')} note(s) in ${files}.\n`;
}

/** --max-warnings: a count of warnings, 0 or more. */
function warningLimit(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d+$/.test(given)) throw new UsageError(`--max-warnings takes a number of warnings, 0 or more, not '${given}'.`);
  return Number(given);
}

/** --quiet: the errors alone. */
const errorsOnly = (files: CheckedFile[]): CheckedFile[] => files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));

/** Where the findings go: stdout, unless it carries the fixed text of '-' or the diffs of --dry-run. */
type FindingsOutput = 'stdout' | 'stderr' | 'none';

export async function checkCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'report-unused-suppressions': { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = (values.format ?? 'text') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not '${values.format}'.`);
  if (positionals.length === 0) throw new UsageError('check needs at least one file, folder or glob.');
  const maxWarnings = warningLimit(values['max-warnings']);
  const readsStdin = positionals.includes(STDIN_ARGUMENT);
  if (values['dry-run'] && !values.fix) throw new UsageError('--dry-run shows what --fix would change; give --fix too.');
  const mode: FixMode | undefined = values.fix ? (values['dry-run'] ? 'dry-run' : 'in-place') : undefined;
  const fixesStdin = mode === 'in-place' && readsStdin;
  if (fixesStdin && positionals.length > 1) throw new UsageError(`--fix on '${STDIN_ARGUMENT}' writes the fixed text to stdout, so '${STDIN_ARGUMENT}' must be the only input.`);
  if (format !== 'text' && mode === 'dry-run') throw new UsageError(`--dry-run prints a diff, not findings: --format ${format} does not apply.`);
  if (format !== 'text' && fixesStdin) throw new UsageError(`--fix on '${STDIN_ARGUMENT}' prints the fixed text on stdout and the findings as text on stderr: --format ${format} does not apply.`);
  const findingsOutput: FindingsOutput = mode === 'dry-run' ? 'none' : fixesStdin ? 'stderr' : 'stdout';
  const options: ValidationOptions = { rules: ruleOverrides(values.rule), reportUnusedSuppressions: values['report-unused-suppressions'] };

  const { sources, problems } = await expandInputs(positionals, stdinName(values['stdin-filename'], positionals));
  const toolErrors = [...problems];
  for (const problem of problems) io.err(errorLine(problem));
  const files: CheckedFile[] = [];
  for (const source of sources) {
    try {
      const { text, encoding } = await readSource(source, io);
      const document = sourceDocument(source, text);
      files.push(mode ? await fixSource(source, document, encoding, options, mode, io) : { file: source.name, text, findings: validate(document, options) });
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.err(errorLine(error.message));
      toolErrors.push(error.message);
    }
  }

  const warnings = countOf(files, 'warning');
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  const exitCode = toolErrors.length > 0 ? 2 : countOf(files, 'error') > 0 || tooManyWarnings ? 1 : 0;
  const reported = values.quiet ? errorsOnly(files) : files;
  const run: CheckRun = { cwd: process.cwd(), arguments: ['check', ...args], exitCode, toolErrors };
  if (findingsOutput === 'stdout') io.out(formatResults(reported, format, run));
  if (findingsOutput === 'stderr') io.err(formatResults(reported, format, run));
  if ((format === 'text' || format === 'github') && reported.length > 0) io.err(summary(reported));
  if (tooManyWarnings) io.err(errorLine(`too many warnings: ${warnings}, more than --max-warnings ${maxWarnings}.`));
  return exitCode;
}
