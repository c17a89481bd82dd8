import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { REPO } from '../helpers';
import { LspClient } from './lspClient';

/** Shared bits of the LSP tests: example texts, positions found by searching text, fresh uris. */

export function example(name: string): string {
  return readFileSync(join(REPO, 'examples', name), 'utf8');
}

export interface InvalidExample {
  name: string;
  text: string;
  /** The rule ids its first line (`# expect: PC112, PC104`) names, sorted. */
  codes: string[];
}

/** The rule ids an example's first line (`# expect: PC112, PC104` or `# expect: (nothing)`) names, sorted. */
export function expectedCodes(text: string): string[] {
  const spec = /^# expect: (.*)$/.exec(text.split('\n')[0])![1].trim();
  return spec === '(nothing)' ? [] : spec.split(',').map((c) => c.trim()).sort();
}

export function invalidExamples(): InvalidExample[] {
  return readdirSync(join(REPO, 'examples', 'invalid'))
    .filter((f) => f.endsWith('.topology.yaml'))
    .sort()
    .map((name) => {
      const text = example(`invalid/${name}`);
      return { name, text, codes: expectedCodes(text) };
    });
}

/** The position of the `occurrence`-th (0-based) match of `needle` in `text`, moved `delta` characters to the right. */
export function pos(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not in text`);
  }
  offset += delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The range the `occurrence`-th match of `needle` covers. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = pos(text, needle, 0, occurrence);
  return { start, end: pos(text, needle, needle.length, occurrence) };
}

/** The text a range covers. */
export function textIn(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** A diagnostic's message as plain text (LSP 3.18 allows markup too; this server sends strings). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The distinct rule ids of a list of diagnostics, sorted. */
export function codesIn(diagnostics: Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}

let counter = 0;
/** A uri no other test uses. */
export function freshUri(tag: string, suffix = '.topology.yaml'): string {
  counter++;
  return `file:///lsp-tests/${tag.replace(/[^\w.-]+/g, '-')}-${counter}${suffix}`;
}

export async function startServer(): Promise<LspClient> {
  const client = new LspClient();
  await client.initialize();
  return client;
}

/** Opens a text under a fresh uri and waits for its first diagnostics. */
export async function openAndWait(client: LspClient, tag: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = freshUri(tag);
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  return { uri, diagnostics: published.diagnostics };
}
