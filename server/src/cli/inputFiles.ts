import { realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { looksLikeTopologyBuilder } from '../service/topologyBuilder/prolog';
import { UsageError } from './io';
import { readTextHead } from './textFiles';

/** What a folder is searched for: descriptors, Topology Builder's saved files, and XML that may be its published topology. */
const TOPOLOGY_GLOBS = ['**/*.topology.{yaml,yml}', '**/*.tbxml', '**/*.xml'];
const GLOB_OPTIONS = { ignore: ['**/node_modules/**'], followSymbolicLinks: true };
const FOLDER_GLOB_OPTIONS = { ...GLOB_OPTIONS, caseSensitiveMatch: false };
const GLOB_CHARACTERS = /[*?[{]/;
const XML_FILE = /\.xml$/i;
/** Enough of an XML file for looksLikeTopologyBuilder, which reads the first 8192 characters, in UTF-16 too. */
const XML_HEAD_BYTES = 16_384;

export const STDIN_ARGUMENT = '-';
export const DEFAULT_STDIN_NAME = '<stdin>';

/** A text named on the command line: a file, or standard input under the name that messages give it. */
export interface Source {
  name: string;
  stdin: boolean;
}

/** The name of standard input in messages: --stdin-filename, which only goes with '-'. */
export function stdinName(given: string | undefined, inputs: string[]): string {
  if (given !== undefined && !inputs.includes(STDIN_ARGUMENT)) throw new UsageError(`--stdin-filename names standard input; give '${STDIN_ARGUMENT}' as the file too.`);
  return given ?? DEFAULT_STDIN_NAME;
}

export const namedSource = (input: string, stdinName: string): Source =>
  input === STDIN_ARGUMENT ? { name: stdinName, stdin: true } : { name: input, stdin: false };

export interface Expansion {
  sources: Source[];
  /** A folder without descriptors, a glob that matches nothing: each told as one line. */
  problems: string[];
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** What makes two names the same file: symbolic links resolved. A name that cannot be resolved is its own key; reading it says why. */
function fileKey(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Whether a file found in a folder is a topology: an `.xml` file only when its root is a Topology Builder topology,
 * since other XML belongs to other tools. One that cannot be read is kept, so that checking it says why.
 */
function isTopologyFile(path: string): boolean {
  if (!XML_FILE.test(path)) return true;
  try {
    return looksLikeTopologyBuilder(readTextHead(path, XML_HEAD_BYTES));
  } catch {
    return true;
  }
}

/**
 * Files named on the command line: plain paths as given, folders searched for topologies, globs expanded, '-' for
 * standard input. Symbolic links are followed (tinyglobby stops at a link back into a folder it is walking), and a
 * file reached by several names is checked once, under the first.
 */
export async function expandInputs(inputs: string[], stdinName: string): Promise<Expansion> {
  const sources: Source[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = fileKey(path);
    if (seen.has(key)) return;
    seen.add(key);
    sources.push({ name: path, stdin: false });
  };
  for (const input of inputs) {
    if (input === STDIN_ARGUMENT) {
      if (sources.some((s) => s.stdin)) throw new UsageError(`'${STDIN_ARGUMENT}' (standard input) can be given only once.`);
      sources.push(namedSource(input, stdinName));
      continue;
    }
    const stat = statOrUndefined(input);
    if (stat?.isDirectory()) {
      const found = (await glob(TOPOLOGY_GLOBS, { ...FOLDER_GLOB_OPTIONS, cwd: input })).sort().filter((file) => isTopologyFile(`${input}/${file}`));
      if (found.length === 0) problems.push(`no topology files in '${input}'`);
      for (const file of found) add(`${input.replace(/\/$/, '')}/${file}`);
    } else if (stat || !GLOB_CHARACTERS.test(input)) {
      add(input);
    } else {
      const found = (await glob(input, { ...GLOB_OPTIONS, absolute: isAbsolute(input) })).sort();
      if (found.length === 0) problems.push(`no file matches '${input}'`);
      for (const file of found) add(file);
    }
  }
  return { sources, problems };
}
