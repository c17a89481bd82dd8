import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import topologySchema from '../../../../schemas/topology.schema.json';
import type { PathSegment } from '../model/model';
import { nodeAtPath, pairOf, pointerToPath, spanOf } from '../parse/yamlNodes';
import type { Span } from '../types';
import { describeValuePlace, describePlace } from './placeNames';

export type SchemaProblem =
  /** `unwritten`: the known keys the map does not have yet, which the unknown key may have meant. */
  | { kind: 'unknownKey'; path: PathSegment[]; key: string; known: string[]; unwritten: string[]; message: string; span: Span }
  | { kind: 'missingKey'; path: PathSegment[]; key: string; message: string; span: Span }
  | { kind: 'notAllowed'; path: PathSegment[]; allowed: string[]; message: string; span: Span }
  | { kind: 'invalid'; path: PathSegment[]; message: string; span: Span };

export interface SchemaResult {
  problems: SchemaProblem[];
  /** JSON pointers of the values the schema rejected or that are missing though required: the rules do not read them. */
  faulted: Set<string>;
}

let validator: ValidateFunction | undefined;

/** A file with more problems than this is not a topology being edited but something else: say so, and stop. */
const MAX_PROBLEMS = 100;

function compiledValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(topologySchema);
  return validator;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map of keys',
  array: 'a list',
};

function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text "${value}"`;
  return `${typeof value === 'number' && !Number.isInteger(value) ? 'the number' : 'the value'} ${String(value)}`;
}

function patternMeaning(path: PathSegment[]): string {
  const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  if (key === 'instance') return 'a SQL Server instance name (a letter or _, then up to 15 letters, digits, _, $ or #)';
  if (['fqdn', 'domain', 'globalCatalog', 'servers'].includes(key)) {
    return 'a fully qualified domain name (ASCII labels of letters, digits and hyphens, separated by dots)';
  }
  return "an id (letters, digits, '.', '_' and '-', starting with a letter or digit)";
}

function messageFor(error: ErrorObject, path: PathSegment[], data: unknown): string {
  const place = describeValuePlace(data, path);
  switch (error.keyword) {
    case 'type':
      return `${place} must be ${TYPE_WORDS[error.params.type as string] ?? error.params.type}, not ${describeFound(error.data)}.`;
    case 'enum':
      return `${place} must be one of ${(error.params.allowedValues as unknown[]).map((v) => `'${v}'`).join(', ')}, not ${describeFound(error.data)}.`;
    case 'const':
      return `${place} must be ${JSON.stringify(error.params.allowedValue)}: it is the only version of the format.`;
    case 'minimum':
    case 'maximum':
      return `${place} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${Number(error.params.limit).toLocaleString('en-US')}, not ${String(error.data)}.`;
    case 'minItems':
      return `${place} must list at least ${error.params.limit} ${error.params.limit === 1 ? 'entry' : 'entries'}.`;
    case 'minLength':
      return `${place} must not be empty.`;
    case 'pattern':
      return `${place} must be ${patternMeaning(path)}; "${String(error.data)}" is not.`;
    default:
      return `${place} ${error.message ?? 'is not valid'}.`;
  }
}

/** Where a missing key is reported: the key that holds the map, or the map's first key, or the start of the file. */
function missingKeySpan(doc: Document, text: string, path: PathSegment[]): Span {
  const { node, pair } = nodeAtPath(doc, path);
  if (pair?.key) return spanOf(pair.key as never, text);
  if (isMap(node) && node.items[0]?.key) return spanOf(node.items[0].key as never, text);
  if (node) {
    const span = spanOf(node, text);
    return { start: span.start, end: Math.min(span.end, text.indexOf('\n', span.start) >>> 0) };
  }
  return { start: 0, end: 0 };
}

function toProblem(error: ErrorObject, doc: Document, text: string, data: unknown): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const key = error.params.additionalProperty as string;
    const { node } = nodeAtPath(doc, path);
    // A list or map used as a key has no name of its own: the schema sees it stringified.
    const pair = isMap(node) ? (pairOf(node, key) ?? node.items.find((p) => !isScalar(p.key))) : undefined;
    const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    const written = new Set(isMap(node) ? node.items.map((p) => String((p.key as { value?: unknown })?.value)) : []);
    return {
      kind: 'unknownKey',
      path,
      key,
      known,
      unwritten: known.filter((k) => !written.has(k)),
      message: `Unknown key '${key}' in ${describePlace(data, path)}.`,
      span: spanOf(pair?.key as never, text),
    };
  }
  if (error.keyword === 'required') {
    const key = error.params.missingProperty as string;
    return {
      kind: 'missingKey',
      path,
      key,
      message: `${capitalize(describePlace(data, path))} is missing the required key '${key}'.`,
      span: missingKeySpan(doc, text, path),
    };
  }
  const { node } = nodeAtPath(doc, path);
  const span = node ? spanOf(node, text) : missingKeySpan(doc, text, path.slice(0, -1));
  const message = messageFor(error, path, data);
  if (error.keyword === 'enum') {
    return { kind: 'notAllowed', path, allowed: (error.params.allowedValues as unknown[]).map(String), message, span };
  }
  return { kind: 'invalid', path, message, span: isSeq(node) || isMap(node) ? firstLineOf(span, text) : span };
}

function firstLineOf(span: Span, text: string): Span {
  const lineEnd = text.indexOf('\n', span.start);
  return { start: span.start, end: lineEnd < 0 ? span.end : Math.min(span.end, lineEnd) };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function validateAgainstSchema(doc: Document, text: string, data: unknown): SchemaResult {
  const validate = compiledValidator();
  if (validate(data)) return { problems: [], faulted: new Set() };
  const problems: SchemaProblem[] = [];
  const faulted = new Set<string>();
  const errors = validate.errors ?? [];
  for (const error of errors) {
    if (error.keyword === 'required') faulted.add(`${error.instancePath}/${error.params.missingProperty}`);
    else if (error.keyword !== 'additionalProperties') faulted.add(error.instancePath);
  }
  for (const error of errors.slice(0, MAX_PROBLEMS)) problems.push(toProblem(error, doc, text, data));
  if (errors.length > MAX_PROBLEMS) {
    const last = problems[problems.length - 1];
    last.message += ` (${errors.length - MAX_PROBLEMS} more problems of this file are not shown; fix these first.)`;
  }
  return { problems, faulted };
}
