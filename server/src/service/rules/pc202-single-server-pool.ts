import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const singleServerPool: Rule = {
  id: 'PC202',
  title: 'A single-server Persistent Chat pool can never grow',
  defaultSeverity: 'hint',
  sources: [PAGES.componentsAndTopologies, PAGES.skypeTopology],
  quote: 'We recommend using the multiple-server pool topology, even if you’re using a single server, so that you can add more servers later, if needed.',
  inTopologyBuilder:
    'To let the pool grow, delete it and define it again as a Multiple computer pool with New Persistent Chat Pool, best before it is deployed, then publish the topology.',
  check({ topology, index, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      // A pool collocated on a Standard Edition server can never grow either way (PC214): the advice cannot be followed.
      if (pool.deployment?.value !== 'single-server' || index.collocatedStandardEdition(pool)) continue;
      report({
        span: pool.deployment.span,
        message: `${label(pool)} is a single-server pool, to which servers can never be added; Microsoft recommends a multiple-server pool even for one server.`,
        fixes: [{ title: "Change 'deployment' to 'multiple-server'", edits: [edits.setScalar(pool.deployment.span, 'multiple-server')], preferred: true }],
      });
    }
  },
};
