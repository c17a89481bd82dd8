import { TOOL_NAME } from '../service/topologyFiles';

/** Where a command reads standard input and writes; a test can stand in for it. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input, as UTF-8. */
  readStdin(): Promise<string>;
}

/** A mistake in how the command was called: exit status 2 with the message. */
export class UsageError extends Error {}

/** How an error is told on stderr: one line, prefixed with the tool's name. */
export const errorLine = (message: string) => `${TOOL_NAME}: ${message}\n`;
