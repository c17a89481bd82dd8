import { MAX_ACTIVE_SERVERS, USERS_PER_ACTIVE_SERVER } from './limits';
import type { Compliance, DatabasePlacement, Field, FrontEndPool, PersistentChatPool, PersistentChatServer } from './model';
import type { TopologyIndex } from './topologyIndex';
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

/**
 * The FQDN a Persistent Chat pool must have, where it has no choice: a single-server pool's is its one server's,
 * and a pool on a Standard Edition server takes that server's.
 */
export function requiredPoolFqdn(pool: PersistentChatPool, index: TopologyIndex): { fqdn: Field<string>; standardEdition?: FrontEndPool } | undefined {
  const first = pool.servers[0]?.fqdn;
  if (pool.deployment?.value === 'single-server' && first) return { fqdn: first };
  const standardEdition = index.collocatedStandardEdition(pool);
  return standardEdition?.fqdn && { fqdn: standardEdition.fqdn, standardEdition };
}
