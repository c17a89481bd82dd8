import { MAX_ACTIVE_SERVERS, USERS_PER_ACTIVE_SERVER } from './limits';
import type { Compliance, DatabasePlacement, PersistentChatPool, PersistentChatServer } from './model';
import type { DatabaseKind } from './topologyIndex';

export const isActive = (server: PersistentChatServer): boolean => !server.faulted.has('state') && (server.state?.value ?? 'active') === 'active';
export const isStandby = (server: PersistentChatServer): boolean => server.state?.value === 'standby';

export const activeServers = (pool: PersistentChatPool): PersistentChatServer[] => pool.servers.filter(isActive);
export const standbyServers = (pool: PersistentChatPool): PersistentChatServer[] => pool.servers.filter(isStandby);

/** Whether every server's state is known, so that counts of active servers are exact. */
export const statesKnown = (pool: PersistentChatPool): boolean => !pool.faulted.has('servers') && pool.servers.every((s) => !s.faulted.has('state'));

/** Concurrent users the pool's active servers carry: 20,000 each, counting at most four. */
export const poolCapacity = (pool: PersistentChatPool): number =>
  Math.min(activeServers(pool).length, MAX_ACTIVE_SERVERS) * USERS_PER_ACTIVE_SERVER;

export interface PoolDatabase {
  kind: Exclude<DatabaseKind, 'backEnd'>;
  noun: string;
  placement: DatabasePlacement | Compliance;
}

/** The pool's Persistent Chat database, and its compliance database when compliance is on. */
export function poolDatabases(pool: PersistentChatPool): PoolDatabase[] {
  const result: PoolDatabase[] = [];
  if (pool.database) result.push({ kind: 'persistentChat', noun: 'Persistent Chat database', placement: pool.database });
  if (pool.compliance?.enabled?.value === true) result.push({ kind: 'compliance', noun: 'compliance database', placement: pool.compliance });
  return result;
}
