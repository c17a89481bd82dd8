import { MAX_FRONT_END_SERVERS } from '../model/limits';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const tooManyFrontEndServers: Rule = {
  id: 'PC111',
  title: 'An Enterprise Edition Front End pool has more than 12 servers',
  defaultSeverity: 'error',
  sources: [PAGES.supportedTopologies],
  quote: 'A Front End pool can contain a maximum of twelve Front End Servers.',
  inTopologyBuilder:
    'Keep at most 12 Front End servers in the pool: delete the others from it or define them in another Enterprise Edition Front End pool, then publish the topology.',
  check({ topology, report }) {
    for (const pool of topology.frontEndPools) {
      if (pool.edition?.value !== 'enterprise' || !pool.serversKey || pool.servers.length <= MAX_FRONT_END_SERVERS) continue;
      report({
        span: pool.serversKey.keySpan,
        message: `${label(pool)} has ${pool.servers.length} Front End servers; an Enterprise Edition pool can have at most ${MAX_FRONT_END_SERVERS}.`,
      });
    }
  },
};
