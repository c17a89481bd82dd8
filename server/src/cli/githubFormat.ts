import { RULES } from '../service/languageService';
import type { Severity } from '../service/types';
import { cwdPath } from './cwdPaths';
import type { FileResult } from './formats';

/** GitHub Actions' workflow commands: each annotates the file in the run's summary and the pull request. */
const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** As GitHub documents for a command's message. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** As GitHub documents for a command's properties, which `:` and `,` would end. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=PCnnn <title>::message`, 1-based, a line a finding. */
export function toGithub(results: FileResult[], cwd: string): string {
  const titles = new Map(RULES.map((r) => [r.id, `${r.id} ${r.title}`]));
  return results
    .flatMap(({ file, findings }) => {
      const path = cwdPath(file, cwd).path;
      return findings.map(({ code, severity, message, range }) => {
        const properties = {
          file: path,
          line: range.start.line + 1,
          col: range.start.character + 1,
          endLine: range.end.line + 1,
          endColumn: range.end.character + 1,
          title: titles.get(code) ?? code,
        };
        const list = Object.entries(properties).map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
        return `::${COMMANDS[severity]} ${list.join(',')}::${escapeData(message)}\n`;
      });
    })
    .join('');
}
