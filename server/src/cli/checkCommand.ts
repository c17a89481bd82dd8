import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fixAll } from '../service/fixAll';
import { RULES, validate } from '../service/languageService';
import type { Finding, SeveritySetting, ValidationOptions } from '../service/types';
import { formatResults, OUTPUT_FORMATS, type FileResult, type OutputFormat } from './formats';
import { expandInputs } from './inputFiles';
import { UsageError, type CommandIO } from './io';

export const CHECK_HELP = `Usage: pchat-topology check <file | folder | glob>... [options]

Checks Lync Server 2013 Persistent Chat topology descriptors (*.topology.yaml)
against the rule catalog. A folder is searched for *.topology.yaml/yml files.

Options:
  --format <text|json|sarif>  Output format (default: text).
                                text:  file:line:col severity PCnnn message
                                json:  [{ file, diagnostics: [{ code, severity, message, range }] }]
                                       with 0-based LSP positions
                                sarif: SARIF 2.1.0 for code scanning
  --rule <PCnnn=severity>     Change a rule's severity: error, warning, information,
                              hint or off. Repeat for more rules.
  --fix                       Apply every fix that is safe without a choice, rewriting
                              the files in place; report what changed (on stderr) and
                              what remains.
  -h, --help                  Show this help.

Exit status: 1 if any error remains, 0 otherwise, 2 for a usage error or a file
that cannot be read.
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

export async function checkCommand(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      rule: { type: 'string', multiple: true, default: [] },
      fix: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not '${values.format}'.`);
  if (positionals.length === 0) throw new UsageError('check needs at least one file, folder or glob.');
  const options: ValidationOptions = { rules: ruleOverrides(values.rule) };

  const { files, unmatched } = await expandInputs(positionals);
  let unreadable = unmatched.length > 0;
  for (const pattern of unmatched) io.err(`pchat-topology: no file matches '${pattern}'.\n`);
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`pchat-topology: cannot read '${file}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.\n`);
      unreadable = true;
      continue;
    }
    if (values.fix) text = fixFile(file, text, options, io);
    results.push({ file, findings: validate(text, options) });
  }

  io.out(formatResults(results, format));
  if (format === 'text' && results.length > 0) io.err(summary(results));
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function fixFile(file: string, text: string, options: ValidationOptions, io: CommandIO): string {
  const { text: fixed, applied } = fixAll(text, options);
  if (applied.length === 0) return text;
  writeFileSync(file, fixed);
  io.err(`${file}: fixed ${applied.length} finding(s):\n${applied.map((a) => `  ${a.code} ${a.title}\n`).join('')}`);
  return fixed;
}
