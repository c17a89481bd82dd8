import { parseArgs } from 'node:util';
import { RULES, validate } from '../service/languageService';
import type { Finding, SeveritySetting, ValidationOptions } from '../service/types';
import { FileError } from './fileErrors';
import { fixSource, type FixMode } from './fixFiles';
import { formatResults, OUTPUT_FORMATS, type FileResult, type OutputFormat } from './formats';
import { expandInputs, STDIN_ARGUMENT, stdinName } from './inputFiles';
import { errorLine, UsageError, type CommandIO } from './io';
import { readSource } from './textFiles';

export const CHECK_HELP = `Usage: pchat-topology check <file | folder | glob | ->... [options]

Checks Lync Server 2013 Persistent Chat topology descriptors (*.topology.yaml)
against the rule catalog. A folder is searched for *.topology.yaml/yml files,
following symbolic links; a file reached by several names is checked once.
'-' reads standard input.

Options:
  --format <text|json|sarif>  Output format (default: text).
                                text:  file:line:col severity PCnnn message
                                json:  [{ file, diagnostics: [{ code, severity, message, range }] }]
                                       with 0-based LSP positions
                                sarif: SARIF 2.1.0 for code scanning
  --rule <PCnnn=severity>     Change a rule's severity: error, warning, information,
                              hint or off. Repeat for more rules.
  --report-unused-suppressions
                              Report each suppression comment (or rule id in one)
                              that silences nothing, as a PC009 finding.
  --fix                       Apply every fix that is safe without a choice, rewriting
                              the files in place; report on stderr what was fixed and
                              which fixes were not applied because they need a choice;
                              then report the findings that remain.
                              With '-' (then the only input), the fixed text goes to
                              stdout and the findings, as text, to stderr.
  --dry-run                   With --fix: write no file; print on stdout a unified diff
                              of what --fix would change, and on stderr what it would
                              fix. The exit status is that of the fixed text.
  --stdin-filename <name>     The name of standard input in messages (default: <stdin>).
  -h, --help                  Show this help.

Exit status: 1 if any error remains, 0 otherwise; 2 for a usage error, a file that
cannot be read or written, a folder without topology files or a glob that matches
no file (the other files are still checked).
`;

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

function ruleOverrides(specs: string[]): Record<string, SeveritySetting> {
  const known = new Set(RULES.map((r) => r.id));
  const overrides: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const match = /^(PC\d{3})=(\w+)$/i.exec(spec);
    if (!match) throw new UsageError(`--rule takes PCnnn=severity (e.g. PC105=off), not '${spec}'.`);
    const id = match[1].toUpperCase();
    const setting = match[2].toLowerCase() as SeveritySetting;
    if (!known.has(id)) throw new UsageError(`--rule: there is no rule ${id}; rules are ${RULES[0].id}…${RULES[RULES.length - 1].id} (see docs/rules).`);
    if (!SEVERITY_SETTINGS.includes(setting)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}, not '${match[2]}'.`);
    overrides[id] = setting;
  }
  return overrides;
}

function summary(results: FileResult[]): string {
  const all = results.flatMap((r) => r.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  if (all.length === 0) return `No problems in ${files}.\n`;
  return `${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s) in ${files}.\n`;
}

/** Where the findings go: stdout, unless it carries the fixed text of '-' or the diffs of --dry-run. */
type FindingsOutput = 'stdout' | 'stderr' | 'none';

export async function checkCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
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
  let failed = problems.length > 0;
  for (const problem of problems) io.err(errorLine(problem));
  const results: FileResult[] = [];
  for (const source of sources) {
    try {
      const text = await readSource(source, io);
      const findings = mode ? await fixSource(source, text, options, mode, io) : validate(text, options);
      results.push({ file: source.name, findings });
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.err(errorLine(error.message));
      failed = true;
    }
  }

  if (findingsOutput === 'stdout') io.out(formatResults(results, format));
  if (findingsOutput === 'stderr') io.err(formatResults(results, format));
  if (format === 'text' && results.length > 0) io.err(summary(results));
  if (failed) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
