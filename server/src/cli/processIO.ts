import { asFileError } from './fileErrors';
import { errorLine, type CommandIO } from './io';

const STDOUT_NAME = '<stdout>';

/**
 * Writes to a standard stream until it fails, then drops the rest. A reader that stops early (`| head -1`) closes
 * the pipe: that EPIPE ends the output without a word; any other failure is told through `onFailure`.
 */
function writerUntilFailure(stream: NodeJS.WriteStream, onFailure: (error: NodeJS.ErrnoException) => void): (text: string | Uint8Array) => void {
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    open = false;
    if (error.code !== 'EPIPE') onFailure(error);
  });
  return (text) => {
    if (open && text.length > 0) stream.write(text);
  };
}

/** The process's standard streams; `outputFailed` tells whether a write to stdout or stderr failed other than by EPIPE. */
export function processIO(): CommandIO & { outputFailed(): boolean } {
  let failed = false;
  const err = writerUntilFailure(process.stderr, () => (failed = true));
  const out = writerUntilFailure(process.stdout, (error) => {
    failed = true;
    err(errorLine((asFileError('write', STDOUT_NAME, error) ?? error).message));
  });
  return {
    out,
    err,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    outputFailed: () => failed,
  };
}
