import { MAX_ACTIVE_SERVERS, MAX_CONCURRENT_USERS, MAX_POOL_SERVERS, USERS_PER_ACTIVE_SERVER } from '../model/limits';
import { activeServers, poolCapacity, standbyServers, statesKnown } from '../model/poolFacts';
import type { PersistentChatPool } from '../model/model';
import { domainOf } from './placeholders';
import type { Fix, Rule, RuleContext } from './rule';
import { serverName, setState } from './serverState';
import { PAGES } from './sources';
import { count, label, plural } from './wording';

function capacityFix(context: RuleContext, pool: PersistentChatPool, missing: number): Fix | undefined {
  const promoted = standbyServers(pool).slice(0, missing);
  const added = missing - promoted.length;
  const domain = domainOf(context);
  const collocated = context.index.collocatedStandardEdition(pool);
  if (added > 0 && (!domain || !pool.serversKey || collocated || pool.deployment?.value !== 'multiple-server' || pool.servers.length + added > MAX_POOL_SERVERS)) return undefined;
  const names = added > 0 ? context.index.unusedFqdns('pchat', domain!, added) : [];
  const steps = [
    ...(promoted.length ? [`promote ${promoted.map(serverName).join(', ')} to active`] : []),
    ...(names.length ? [`add ${plural(names.length, 'active server')} (${names.join(', ')})`] : []),
  ];
  return {
    title: steps.join(' and ').replace(/^./, (c) => c.toUpperCase()),
    edits: [...promoted.map((s) => setState(context, s, 'active')), ...names.map((fqdn) => context.edits.appendItem([...pool.path, 'servers'], { fqdn }))],
    preferred: true,
  };
}

export const overCapacity: Rule = {
  id: 'PC206',
  title: 'Planned concurrent users exceed what the active servers carry',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.definingRequirements],
  quote: 'Each server can support as many as 20,000 concurrent users, for a total of 80,000 concurrent users connected to a Persistent Chat Server pool with 4 servers.',
  check(context) {
    for (const pool of context.topology.persistentChatPools) {
      const planned = pool.concurrentUsers;
      // Above 80,000 it is PC207's finding, and with no active server PC205's.
      if (!planned || planned.value > MAX_CONCURRENT_USERS || !statesKnown(pool) || activeServers(pool).length === 0) continue;
      const capacity = poolCapacity(pool);
      if (planned.value <= capacity) continue;
      const active = Math.min(activeServers(pool).length, MAX_ACTIVE_SERVERS);
      const missing = Math.ceil(planned.value / USERS_PER_ACTIVE_SERVER) - active;
      const fix = capacityFix(context, pool, missing);
      context.report({
        span: planned.span,
        message: `${label(pool)} plans ${count(planned.value)} concurrent users, but its ${plural(active, 'active server')} ${active === 1 ? 'carries' : 'carry'} ${count(capacity)} (${count(USERS_PER_ACTIVE_SERVER)} each); it needs ${plural(missing, 'more active server')}.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
