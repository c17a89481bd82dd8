import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validate } from '../server/src/service/languageService';
import type { Finding, QuickFix, TextEdit, ValidationOptions } from '../server/src/service/types';

export const REPO = join(__dirname, '..');

/** How many topology files `check examples` finds: every descriptor and Topology Builder file under examples/. */
export const EXAMPLE_FILES = ['examples', 'examples/invalid'].flatMap((folder) => readdirSync(join(REPO, folder)).filter((f) => /\.(topology\.ya?ml|tbxml|xml)$/.test(f))).length;

export function readExample(name: string): string {
  return readFileSync(join(REPO, 'examples', name), 'utf8');
}

/** The text after applying LSP text edits, as an editor would. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///t.topology.yaml', 'pchat-topology', 0, text), edits);
}

export function findingsOf(text: string, code: string, options?: ValidationOptions): Finding[] {
  return validate(text, options).filter((f) => f.code === code);
}

/** The distinct rule ids a text raises, sorted. */
export function codesOf(text: string, options?: ValidationOptions): string[] {
  return [...new Set(validate(text, options).map((f) => f.code))].sort();
}

/** The text a finding's range covers. */
export function textAt(text: string, finding: { range: Finding['range'] }): string {
  const doc = TextDocument.create('file:///t.topology.yaml', 'pchat-topology', 0, text);
  return doc.getText(finding.range);
}

export function applyFix(text: string, fix: QuickFix): string {
  return applyEdits(text, fix.edits);
}

/** Errors in `after` that `before` did not have (by code and message). */
export function newErrors(before: string, after: string): Finding[] {
  const old = new Set(validate(before).map((f) => `${f.code} ${f.message}`));
  return validate(after).filter((f) => f.severity === 'error' && !old.has(`${f.code} ${f.message}`));
}

/**
 * Whether `after` equals `before` outside the lines the fix touched: the same lines before the first changed line
 * and after the last, byte for byte.
 */
export function unchangedOutside(before: string, after: string, fix: QuickFix): boolean {
  const first = Math.min(...fix.edits.map((e) => e.range.start.line));
  const last = Math.max(...fix.edits.map((e) => e.range.end.line));
  const a = before.split('\n');
  const b = after.split('\n');
  const tail = a.length - 1 - last;
  return a.slice(0, first).join('\n') === b.slice(0, first).join('\n') && a.slice(a.length - tail).join('\n') === b.slice(b.length - tail).join('\n');
}
