import type { Finding } from '../service/types';
import { toSarif } from './sarif';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface FileResult {
  file: string;
  findings: Finding[];
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

export function formatResults(results: FileResult[], format: OutputFormat): string {
  if (format === 'json') return toJson(results);
  if (format === 'sarif') return JSON.stringify(toSarif(results), null, 2) + '\n';
  return toText(results);
}
