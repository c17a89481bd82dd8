import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * Reads a value of type T out of the JSON a client sent, keeping only the fields it names, or throws an
 * InvalidParams ResponseError that says which field is wrong.
 */
export type Check<T> = (value: unknown, path: string) => T;

type Checked<Fields> = { [K in keyof Fields]: Fields[K] extends Check<infer T> ? T : never };

const MAX_UINTEGER = 2 ** 31 - 1;

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function refuse(path: string, expected: string, value: unknown): never {
  throw new ResponseError(ErrorCodes.InvalidParams, `${path} must be ${expected}, got ${shown(value)}`);
}

const string: Check<string> = (value, path) => (typeof value === 'string' ? value : refuse(path, 'a string', value));
const boolean: Check<boolean> = (value, path) => (typeof value === 'boolean' ? value : refuse(path, 'true or false', value));
const integer: Check<number> = (value, path) => (Number.isSafeInteger(value) ? (value as number) : refuse(path, 'an integer', value));
const uinteger: Check<number> = (value, path) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER ? (value as number) : refuse(path, 'a non-negative integer', value);

function object<Fields extends Record<string, Check<unknown>>>(fields: Fields): Check<Checked<Fields>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(path, 'an object', value);
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(fields).map(([key, check]) => [key, check(record[key], `${path}.${key}`)])) as Checked<Fields>;
  };
}

/** Absent or null, or what `check` reads. */
function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : check(value, path));
}

function arrayOf<T>(check: Check<T>): Check<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((item, i) => check(item, `${path}[${i}]`)) : refuse(path, 'an array', value));
}

const uri = string;
const textDocument = object({ uri });
const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });

export const textDocumentParams = object({ textDocument });
export const positionParams = object({ textDocument, position });
export const referenceParams = object({ textDocument, position, context: object({ includeDeclaration: boolean }) });
export const renameParams = object({ textDocument, position, newName: string });
export const codeActionParams = object({ textDocument, range, context: object({ only: optional(arrayOf(string)) }) });
export const diagramModelParams = object({ uri });

export const didOpenParams = object({ textDocument: object({ uri, languageId: string, version: integer, text: string }) });
export const didChangeParams = object({
  textDocument: object({ uri, version: integer }),
  contentChanges: arrayOf(object({ range: optional(range), text: string })),
});
export const didCloseParams = textDocumentParams;

/**
 * The handler sees only params that `check` accepts. A request with other params is answered with InvalidParams;
 * for a notification the library logs the error's message to the client.
 */
export function guard<P, R>(check: Check<P>, handler: (params: P) => R): (params: unknown) => R {
  return (params) => handler(check(params, 'params'));
}
