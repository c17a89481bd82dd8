import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { FileError, withFileErrors } from './fileErrors';
import type { Source } from './inputFiles';
import type { CommandIO } from './io';

/**
 * How a file's bytes stand for its text, told by the byte order mark it opens with. Topology Builder saves UTF-8
 * with a BOM; `Get-CsTopology -AsXml > file` in Windows PowerShell writes UTF-16 LE with a BOM. No BOM is UTF-8.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** A file's text without its BOM (offsets in findings are over this string), and the encoding to write it back in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const BOMS: readonly (readonly [TextEncoding, readonly number[]])[] = [
  ['utf-8-bom', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function encodingOf(bytes: Uint8Array): TextEncoding {
  return BOMS.find(([, bom]) => bom.every((byte, i) => bytes[i] === byte))?.[0] ?? 'utf-8';
}

/** The text of the bytes, its BOM left out; bytes that are not text in the encoding become U+FFFD, as Node reads 'utf8'. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding = encodingOf(bytes);
  return { text: new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(bytes), encoding };
}

/** The bytes of the text in `encoding`, its BOM first. */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return encoding === 'utf-16le' ? littleEndian : littleEndian.swap16();
}

/**
 * The text of a regular file. Anything else (a folder, a FIFO, a device such as /dev/zero) is refused before it is
 * opened: opening a FIFO waits for a writer, and a device can be endless.
 */
function readTextFile(path: string): Promise<DecodedText> {
  return withFileErrors('read', path, () => {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FileError('read', path, 'is a folder');
    if (!stat.isFile()) throw new FileError('read', path, 'not a regular file');
    return decodeText(readFileSync(path));
  });
}

/** The text of the first `byteCount` bytes of a regular file, for a look at what it is; throws on any other file. */
export function readTextHead(path: string, byteCount: number): string {
  if (!statSync(path).isFile()) throw new FileError('read', path, 'not a regular file');
  const head = Buffer.alloc(byteCount);
  const fd = openSync(path, 'r');
  try {
    return decodeText(head.subarray(0, readSync(fd, head, 0, byteCount, 0))).text;
  } finally {
    closeSync(fd);
  }
}

export async function readSource(source: Source, io: CommandIO): Promise<DecodedText> {
  return source.stdin ? decodeText(await withFileErrors('read', source.name, () => io.readStdin())) : readTextFile(source.name);
}

/** Rewrites the file in place, in the encoding it was read in, so that its permissions, owner and links stay as they were. */
export function writeTextFile(path: string, text: string, encoding: TextEncoding = 'utf-8'): Promise<void> {
  return withFileErrors('write', path, () => writeFileSync(path, encodeText(text, encoding)));
}
