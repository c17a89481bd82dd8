import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { FileError, withFileErrors } from './fileErrors';
import type { Source } from './inputFiles';
import type { CommandIO } from './io';

/**
 * The text of a regular file. Anything else (a folder, a FIFO, a device such as /dev/zero) is refused before it is
 * opened: opening a FIFO waits for a writer, and a device can be endless.
 */
function readTextFile(path: string): Promise<string> {
  return withFileErrors('read', path, () => {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FileError('read', path, 'is a folder');
    if (!stat.isFile()) throw new FileError('read', path, 'not a regular file');
    return readFileSync(path, 'utf8');
  });
}

export function readSource(source: Source, io: CommandIO): Promise<string> {
  return source.stdin ? withFileErrors('read', source.name, () => io.readStdin()) : readTextFile(source.name);
}

/** Rewrites the file in place, so that its permissions, owner and links stay as they were. */
export function writeTextFile(path: string, text: string): Promise<void> {
  return withFileErrors('write', path, () => writeFileSync(path, text));
}
