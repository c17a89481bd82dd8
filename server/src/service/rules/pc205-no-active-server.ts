import { activeServers, statesKnown } from '../model/poolFacts';
import type { Rule } from './rule';
import { serverName, setState } from './serverState';
import { PAGES } from './sources';
import { label } from './wording';

export const noActiveServer: Rule = {
  id: 'PC205',
  title: 'A Persistent Chat pool has no active server',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.capacityPlanning],
  quote:
    'The multiple-server topology can include as many as four active computers running Persistent Chat Server (high availability and disaster recovery configurations will allow up to eight, but only four can be active and the remaining four on standby).',
  inference: 'That a pool needs at least one active server is our inference: standby servers serve no users until one is made active.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Machine state settings, select a server and click Make active, then publish the topology.',
  check(context) {
    for (const pool of context.topology.persistentChatPools) {
      if (!pool.serversKey || pool.servers.length === 0 || !statesKnown(pool) || activeServers(pool).length > 0) continue;
      const first = pool.servers[0];
      context.report({
        span: pool.serversKey.keySpan,
        message: `${label(pool)} has no active server: ${pool.servers.length === 1 ? 'its only server is' : `all ${pool.servers.length} servers are`} standby, so the pool serves no users.`,
        fixes: [{ title: `Mark ${serverName(first)} active`, edits: [setState(context, first, 'active')], preferred: true, safe: true }],
      });
    }
  },
};
