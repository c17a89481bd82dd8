import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
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
/** A topology nests about six levels deep. */
const MAX_NESTING = 64;
/** YAML 1.2 allows tab, line feed and carriage return, but no other C0 control character, nor DEL. */
const CONTROL_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
const MAX_REPORTED_CHARACTERS = 10;

/** The parser's words where they speak to a programmer rather than to the author of a topology. */
const PLAIN_MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: "a second YAML document starts here ('---'); a topology descriptor is one document, so remove the second or move it to its own file",
};

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Characters YAML forbids anywhere: a binary or corrupted file. */
function controlCharacters(text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const match of text.matchAll(CONTROL_CHARACTER)) {
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    problems.push({ message: `the character U+${code} is not allowed in YAML; is this a binary file?`, span: { start: match.index!, end: match.index! + 1 } });
    if (problems.length === MAX_REPORTED_CHARACTERS) break;
  }
  return problems;
}

/**
 * The first place where the YAML nests deeper than any topology needs: by indentation and `- ` items (block
 * style) or by [ and { (flow style, outside quotes and comments). The parser recurses once per level, and far
 * past this it exhausts the stack and can take the whole process down.
 */
function excessiveNesting(text: string): SyntaxProblem | undefined {
  const tooDeep = (at: number): SyntaxProblem => ({
    message: `the YAML nests more than ${MAX_NESTING} levels deep here; a topology needs a handful`,
    span: { start: at, end: at + 1 },
  });
  const indents: number[] = [];
  let flow = 0;
  /** Block depth of the line starting at `at`: its indentation level plus the `- ` items on it. */
  const blockTooDeep = (at: number): boolean => {
    const line = /^( *)((?:[-?:] +)*)(\S?)/.exec(text.slice(at, at + 4 * MAX_NESTING))!;
    if (line[2] === '' && (line[3] === '' || line[3] === '#')) return false;
    while (indents.length && indents[indents.length - 1] >= line[1].length) indents.pop();
    indents.push(line[1].length);
    return indents.length + line[2].length / 2 > MAX_NESTING;
  };
  if (blockTooDeep(0)) return tooDeep(0);
  // Jump from one character that matters to the next; everything else cannot change the depth.
  const special = /[\n[\]{}"'#]/g;
  for (let match = special.exec(text); match; match = special.exec(text)) {
    const i = match.index;
    const c = match[0];
    if (c === '\n') {
      if (flow === 0 && blockTooDeep(i + 1)) return tooDeep(i + 1);
    } else if (c === '"' || c === "'") {
      if (i > 0 && !/[\s[{,:]/.test(text[i - 1])) continue;
      let end = text.indexOf(c, i + 1);
      while (c === '"' && end > 0 && text[end - 1] === '\\') end = text.indexOf(c, end + 1);
      if (end < 0) return undefined;
      special.lastIndex = end + 1;
    } else if (c === '#') {
      if (i > 0 && !/\s/.test(text[i - 1])) continue;
      const end = text.indexOf('\n', i);
      if (end < 0) return undefined;
      special.lastIndex = end;
    } else if (c === '[' || c === '{') {
      if (++flow > MAX_NESTING) return tooDeep(i);
    } else if (flow > 0) {
      flow--;
    }
  }
  return undefined;
}

/** Keys written twice in one map, found in one walk (the library's own check compares every pair of keys). */
function duplicateKeys(doc: Document): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const walk = (node: unknown): void => {
    if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) {
            const [start, end] = pair.key.range ?? [0, 0];
            problems.push({ message: `the key '${String(pair.key.value)}' appears twice in this map; keys must be unique`, span: { start, end } });
          }
          seen.add(pair.key.value);
        }
        walk(pair.value);
      }
    }
  };
  walk(doc.contents);
  return problems;
}

function unreadable(text: string, problems: SyntaxProblem[]): ParsedTopology {
  return { text, yaml: parseDocument(''), syntaxProblems: problems, data: undefined, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function readYamlText(text: string): ParsedTopology {
  const forbidden = controlCharacters(text);
  if (forbidden.length) return unreadable(text, forbidden);
  const nesting = excessiveNesting(text);
  if (nesting) return unreadable(text, [nesting]);
  let yaml: Document.Parsed;
  try {
    // logLevel 'error' keeps the library from printing process warnings (e.g. for a list used as a key);
    // duplicate keys are found below in linear time, where the library's own check compares every pair.
    yaml = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  } catch (error) {
    return unreadable(text, [{ message: `the YAML could not be read (${(error as Error).message})`, span: { start: 0, end: 0 } }]);
  }
  const errors = [...yaml.errors, ...yaml.warnings];
  // The parser recurses once per level of block nesting; past a few thousand levels it runs out of stack.
  if (errors.some((e) => e.message.includes('Maximum call stack size exceeded'))) {
    return unreadable(text, [{ message: 'the YAML nests too deeply to be read; a topology needs a handful of levels', span: { start: 0, end: 0 } }]);
  }
  const syntaxProblems: SyntaxProblem[] = errors.map((e) => ({
    message: PLAIN_MESSAGES[e.code] ?? firstLine(e.message),
    span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
  }));
  syntaxProblems.push(...duplicateKeys(yaml));
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

/** The YAML of a descriptor; each syntax problem says it is one of YAML. */
export function parseTopology(text: string): ParsedTopology {
  const parsed = readYamlText(text);
  if (parsed.syntaxProblems.length === 0) return parsed;
  return { ...parsed, syntaxProblems: parsed.syntaxProblems.map((p) => ({ ...p, message: `YAML syntax error: ${p.message}` })) };
}
