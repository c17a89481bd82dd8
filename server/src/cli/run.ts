import { errorLine } from './io';
import { main } from './main';
import { processIO } from './processIO';

/** A bug: one line that asks for a report; the stack only when PCHAT_TOPOLOGY_DEBUG is set. */
function reportInternalError(error: unknown): void {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  const stack = process.env.PCHAT_TOPOLOGY_DEBUG && error instanceof Error ? `${error.stack}\n` : '';
  process.stderr.write(errorLine(`internal error: ${message}; please report this`) + stack);
  process.exitCode = 2;
}

process.on('uncaughtException', (error) => {
  reportInternalError(error);
  process.exit();
});
const io = processIO();
// A failed write to stdout is told after the write returned, when the command may be done.
process.on('exit', () => {
  if (io.outputFailed()) process.exitCode = 2;
});
main(process.argv.slice(2), io).then((code) => (process.exitCode = code), reportInternalError);
