import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const singleServerGrown: Rule = {
  id: 'PC201',
  title: 'A single-server Persistent Chat pool lists more than one server',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.addPersistentChat],
  quote: 'After you create a Persistent Chat Server pool with a single server by using Topology Builder, you cannot add additional servers to the pool.',
  inTopologyBuilder:
    'A Single computer pool cannot grow: delete the pool and define it again as a Multiple computer pool with New Persistent Chat Pool, then publish the topology.',
  check({ topology, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      if (pool.deployment?.value !== 'single-server' || pool.servers.length <= 1) continue;
      const second = pool.servers[1];
      report({
        span: second.fqdn?.span ?? second.span,
        message: `Single-server ${label(pool)} lists ${pool.servers.length} servers; servers cannot be added to a single-server pool.`,
        related: [{ span: pool.deployment.span, message: 'The pool is single-server' }],
        fixes: [
          {
            title: "Change 'deployment' to 'multiple-server' (a published single-server pool must be removed and created anew in Topology Builder)",
            edits: [edits.setScalar(pool.deployment.span, 'multiple-server')],
            preferred: true,
          },
        ],
      });
    }
  },
};
