import type { Finding } from '../service/types';
import { toGithub } from './githubFormat';
import { toSarif } from './sarif';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface FileResult {
  file: string;
  findings: Finding[];
}

/** A file that `check` read, with the text its findings are about (after --fix, the fixed text). */
export interface CheckedFile extends FileResult {
  text: string;
}

/** How `check` ran, for the formats that tell it. */
export interface CheckRun {
  /** The folder it ran in, which relative file names are relative to. */
  cwd: string;
  /** The command line after the program's name, `check` first. */
  arguments: string[];
  exitCode: number;
  /** What made the exit status 2: an input that matched no file, a file that could not be read or written. */
  toolErrors: string[];
}

/** `file:line:col severity PCnnn message`, 1-based like compilers, so that editors and CI logs link it. */
function toText(results: FileResult[]): string {
  return results
    .flatMap(({ file, findings }) => findings.map((f) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`))
    .map((line) => line + '\n')
    .join('');
}

function toJson(results: FileResult[]): string {
  const entries = results.map(({ file, findings }) => ({
    file,
    diagnostics: findings.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
  }));
  return JSON.stringify(entries, null, 2) + '\n';
}

export function formatResults(results: FileResult[], format: 'text'): string;
export function formatResults(results: CheckedFile[], format: OutputFormat, run: CheckRun): string;
export function formatResults(results: FileResult[], format: OutputFormat, run?: CheckRun): string {
  if (format === 'json') return toJson(results);
  if (format === 'sarif') return JSON.stringify(toSarif(results as CheckedFile[], run!), null, 2) + '\n';
  if (format === 'github') return toGithub(results, run!.cwd);
  return toText(results);
}
