import type { Entity, PersistentChatPool, Topology } from './model';
import { fqdnKey } from './topologyIndex';

/** Whether a value the model reads inside the entity failed the schema (PC002 reports it). */
function hasFault(entity: Entity): boolean {
  if (entity.faulted.size > 0) return true;
  if (entity.kind !== 'persistentChatPool') return false;
  return entity.servers.some((s) => s.faulted.size > 0) || !!entity.database?.faulted.size || !!entity.compliance?.faulted.size;
}

/**
 * The topology as the rules see it: an entity with a value the schema rejected is withheld, and so is a
 * Persistent Chat pool on the computer of a withheld Front End pool, since whether it is collocated and on what
 * is unknown. Withheld entities keep their ids (no reference to them is unknown) but resolve to nothing, so no
 * rule judges them or anything through them until PC002's finding is fixed: one fault, one finding.
 */
export function judgedTopology(topology: Topology): Topology {
  const withheld = new Set<Entity>();
  const sections = [topology.sites, topology.sqlStores, topology.fileStores, topology.frontEndPools, topology.persistentChatPools];
  for (const section of sections) for (const entity of section) if (hasFault(entity)) withheld.add(entity);
  const unknownComputers = new Set<string>();
  for (const pool of topology.frontEndPools) {
    if (!withheld.has(pool)) continue;
    if (pool.fqdn) unknownComputers.add(fqdnKey(pool.fqdn.value));
    for (const server of pool.servers) unknownComputers.add(fqdnKey(server.value));
  }
  const onUnknownComputer = (pool: PersistentChatPool) => pool.servers.some((s) => s.fqdn && unknownComputers.has(fqdnKey(s.fqdn.value)));
  for (const pool of topology.persistentChatPools) if (onUnknownComputer(pool)) withheld.add(pool);
  const adminConsoles = topology.adminConsoles.filter((c) => c.faulted.size === 0);
  if (withheld.size === 0 && adminConsoles.length === topology.adminConsoles.length) return topology;
  const judged = <T extends Entity>(list: T[]) => list.filter((e) => !withheld.has(e));
  return {
    ...topology,
    sites: judged(topology.sites),
    sqlStores: judged(topology.sqlStores),
    fileStores: judged(topology.fileStores),
    frontEndPools: judged(topology.frontEndPools),
    persistentChatPools: judged(topology.persistentChatPools),
    adminConsoles,
    withheld: [...withheld],
  };
}
