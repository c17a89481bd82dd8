import { Console } from 'node:console';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';

const PROGRAM = 'pchat-topology-server';

/** The one line for stderr about input that the reader could not take as a message. */
function describeReadError(error: Error): string {
  const problem =
    'code' in error ? 'cannot read stdin' : error instanceof SyntaxError ? 'message from the client is not JSON' : 'bad message header from the client';
  return `${PROGRAM}: ${problem}: ${error.message.replace(/\s*\n\s*/g, ' ')}`;
}

/**
 * The connection over stdin and stdout. It replaces the library's own `--stdio` transport, which drops what it
 * cannot read without a word, and so takes over the rest of that transport's duties too.
 */
export function createStdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => process.stderr.write(`${describeReadError(error)}\n`));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));

  // stdout carries the protocol: whatever else is printed goes to stderr.
  globalThis.console = new Console(process.stderr);

  let shutdownRequested = false;
  connection.onShutdown(() => {
    shutdownRequested = true;
  });
  process.stdin.on('close', () => process.exit(shutdownRequested ? 0 : 1));
  return connection;
}
