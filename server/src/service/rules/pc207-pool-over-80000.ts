import { MAX_CONCURRENT_USERS } from '../model/limits';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { count, label } from './wording';

export const poolOverMaximum: Rule = {
  id: 'PC207',
  title: 'A Persistent Chat pool plans more than 80,000 concurrent users',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.definingRequirements],
  quote: 'Each server can support as many as 20,000 concurrent users, for a total of 80,000 concurrent users connected to a Persistent Chat Server pool with 4 servers.',
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      const planned = pool.concurrentUsers;
      if (!planned || planned.value <= MAX_CONCURRENT_USERS) continue;
      report({
        span: planned.span,
        message: `${label(pool)} plans ${count(planned.value)} concurrent users; a Persistent Chat pool supports at most ${count(MAX_CONCURRENT_USERS)} (4 active servers of 20,000).`,
      });
    }
  },
};
