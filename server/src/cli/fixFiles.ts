import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixAll, type AppliedFix } from '../service/fixAll';
import type { ValidationOptions } from '../service/types';
import type { CheckedFile } from './formats';
import type { Source } from './inputFiles';
import type { CommandIO } from './io';
import { writeTextFile } from './textFiles';

/** `in-place` rewrites each file (standard input's fixed text goes to stdout); `dry-run` prints a diff instead. */
export type FixMode = 'in-place' | 'dry-run';

/** What --fix did to a file, or would do: the fixes applied, then those left because they need a choice. */
function fixReport(file: string, applied: AppliedFix[], needsChoice: AppliedFix[], mode: FixMode): string {
  const done = applied.length ? `${file}: ${mode === 'dry-run' ? 'would fix' : 'fixed'} ${applied.length} finding(s):\n${applied.map((a) => `  ${a.code} ${a.title}\n`).join('')}` : '';
  const left = needsChoice.map((n) => `${file}: ${n.code} not applied: needs a choice: ${n.title}\n`).join('');
  return done + left;
}

/** What --fix would write, as a unified diff that `patch -p0` applies. */
const unifiedDiff = (file: string, before: string, after: string) =>
  createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });

/** Applies the safe fixes to one text as `mode` says, reports them on stderr, and returns the fixed text with its findings. */
export async function fixSource(source: Source, text: string, options: ValidationOptions, mode: FixMode, io: CommandIO): Promise<CheckedFile> {
  const { text: fixed, applied, needsChoice, analysis } = fixAll(text, options);
  if (mode === 'dry-run') {
    if (fixed !== text) io.out(unifiedDiff(source.name, text, fixed));
  } else if (source.stdin) {
    io.out(fixed);
  } else if (fixed !== text) {
    await writeTextFile(source.name, fixed);
  }
  io.err(fixReport(source.name, applied, needsChoice, mode));
  return { file: source.name, text: fixed, findings: analysis.findings };
}
