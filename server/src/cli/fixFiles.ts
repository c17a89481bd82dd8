import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, type AppliedFix } from '../service/fixAll';
import { analyze } from '../service/languageService';
import type { ValidationOptions } from '../service/types';
import type { CheckedFile } from './formats';
import type { Source } from './inputFiles';
import type { CommandIO } from './io';
import { syntaxOfDocument } from './sourceDocuments';
import { encodeText, writeTextFile, type TextEncoding } from './textFiles';

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

/**
 * A Topology Builder file is checked, never written: Topology Builder owns it. With findings, --fix says that it
 * changed nothing and where the changes are made; standard input goes out as it came in.
 */
function leaveTopologyBuilderFile(source: Source, document: TextDocument, encoding: TextEncoding, options: ValidationOptions, mode: FixMode, io: CommandIO): CheckedFile {
  const text = document.getText();
  const { findings } = analyze(document, options);
  if (mode === 'in-place' && source.stdin) io.out(encodeText(text, encoding));
  if (findings.length) io.err(`${source.name}: nothing to fix here: Topology Builder owns this file, so make the changes in Topology Builder.\n`);
  return { file: source.name, text, findings };
}

/**
 * Applies the safe fixes to one text as `mode` says, reports them on stderr, and returns the fixed text with its
 * findings. The fixed text is written in the encoding it was read in.
 */
export async function fixSource(source: Source, document: TextDocument, encoding: TextEncoding, options: ValidationOptions, mode: FixMode, io: CommandIO): Promise<CheckedFile> {
  if (syntaxOfDocument(document) === 'topologyBuilder') return leaveTopologyBuilderFile(source, document, encoding, options, mode, io);
  const text = document.getText();
  const { text: fixed, applied, needsChoice, analysis } = fixAll(text, options);
  if (mode === 'dry-run') {
    if (fixed !== text) io.out(unifiedDiff(source.name, text, fixed));
  } else if (source.stdin) {
    io.out(encodeText(fixed, encoding));
  } else if (fixed !== text) {
    await writeTextFile(source.name, fixed, encoding);
  }
  io.err(fixReport(source.name, applied, needsChoice, mode));
  return { file: source.name, text: fixed, findings: analysis.findings };
}
