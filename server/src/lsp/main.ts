import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { RULE_DOCS_FOLDER_URI } from '../packageInfo';
import { startServer } from './server';
import { createStdioConnection } from './stdioConnection';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const HELP = `Usage: pchat-topology-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The Persistent Chat topology language server (LSP 3.17) for *.topology.yaml files
(language id 'pchat-topology'). Editors start it and talk to it over the transport named.
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || !args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) {
  process.stdout.write(HELP);
  process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
} else {
  startServer(args.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all), RULE_DOCS_FOLDER_URI);
}
