import { MAX_POOL_SERVERS, MAX_STANDBY_SERVERS } from '../model/limits';
import { standbyServers } from '../model/poolFacts';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const tooManyServers: Rule = {
  id: 'PC204',
  title: 'A Persistent Chat pool has more than 4 standby servers or more than 8 servers',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.capacityPlanning],
  quote:
    'The multiple-server topology can include as many as four active computers running Persistent Chat Server (high availability and disaster recovery configurations will allow up to eight, but only four can be active and the remaining four on standby).',
  inTopologyBuilder:
    'Keep at most eight computers in the Persistent Chat pool, four of them active: delete the others from it or define them in another Persistent Chat pool, then publish the topology.',
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      const standby = standbyServers(pool).length;
      const total = pool.servers.length;
      if (!pool.serversKey || (standby <= MAX_STANDBY_SERVERS && total <= MAX_POOL_SERVERS)) continue;
      report({
        span: pool.serversKey.keySpan,
        message:
          total > MAX_POOL_SERVERS
            ? `${label(pool)} has ${total} servers; a Persistent Chat pool can have at most ${MAX_POOL_SERVERS} (4 active and 4 standby).`
            : `${label(pool)} has ${standby} standby servers; a Persistent Chat pool can have at most ${MAX_STANDBY_SERVERS}.`,
      });
    }
  },
};
