import { parseDocument, type Document } from 'yaml';
import type { Span } from '../types';

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ParsedTopology {
  text: string;
  yaml: Document.Parsed;
  /** YAML errors; when there are any, the document is not judged further. */
  syntaxProblems: SyntaxProblem[];
  /** The plain data the JSON Schema judges; undefined when there are syntax problems. */
  data: unknown;
  eol: '\n' | '\r\n';
}

/** Aliases a real descriptor needs are few; more means an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** The parser's words where they speak to a programmer rather than to the author of a topology. */
const PLAIN_MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: "a second YAML document starts here ('---'); a topology descriptor is one document, so remove the second or move it to its own file",
};

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function parseTopology(text: string): ParsedTopology {
  const yaml = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const syntaxProblems: SyntaxProblem[] = [...yaml.errors, ...yaml.warnings].map((e) => ({
    message: PLAIN_MESSAGES[e.code] ?? firstLine(e.message),
    span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
  }));
  let data: unknown;
  if (syntaxProblems.length === 0) {
    try {
      data = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      syntaxProblems.push({
        message: `The YAML could not be read: ${(error as Error).message}.`,
        span: { start: 0, end: 0 },
      });
    }
  }
  return { text, yaml, syntaxProblems, data, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
