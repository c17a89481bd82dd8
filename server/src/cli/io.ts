import { TOOL_NAME } from '../service/topologyFiles';

/** Where a command reads standard input and writes; a test can stand in for it. */
export interface CommandIO {
  /** Text goes out as UTF-8; bytes as they are (a fixed text in the encoding it came in). */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  /** All of standard input, as bytes: textFiles.ts decodes them by their BOM, as it does a file's. */
  readStdin(): Promise<Uint8Array>;
}

/** A mistake in how the command was called: exit status 2 with the message. */
export class UsageError extends Error {}

/** How an error is told on stderr: one line, prefixed with the tool's name. */
export const errorLine = (message: string) => `${TOOL_NAME}: ${message}\n`;
