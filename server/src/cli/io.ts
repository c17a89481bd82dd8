/** Where a command writes; a test can capture it. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

/** A mistake in how the command was called: exit status 2 with the message. */
export class UsageError extends Error {}
