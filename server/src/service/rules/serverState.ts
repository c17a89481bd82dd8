import type { PersistentChatServer, ServerState } from '../model/model';
import type { OffsetEdit } from '../edits/topologyEdits';
import type { RuleContext } from './rule';

/** Sets a server's `state`, replacing the value or adding the key. */
export function setState({ edits }: RuleContext, server: PersistentChatServer, state: ServerState): OffsetEdit | undefined {
  return server.state ? edits.setScalar(server.state.span, state) : edits.insertKey(server.path, 'state', state);
}

export const serverName = (server: PersistentChatServer): string => server.fqdn?.value ?? `server ${Number(server.path[server.path.length - 1]) + 1}`;
