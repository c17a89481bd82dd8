import { requiredPoolFqdn } from '../model/poolFacts';
import { fqdnKey } from '../model/topologyIndex';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const poolFqdnNotServer: Rule = {
  id: 'PC209',
  title: "A single-server or Standard Edition collocated pool's FQDN is not its server's",
  defaultSeverity: 'error',
  sources: [PAGES.addPersistentChat],
  quote:
    'If the Persistent Chat Server role is being installed on a Lync Server 2013 Standard Edition server, the FQDN needs to match the FQDN of the Standard Edition server.',
  inference:
    "That a single-server pool's FQDN is its one server's FQDN is our reading of Topology Builder, where a single computer pool is one computer, named by its FQDN.",
  inTopologyBuilder:
    "Right-click the Persistent Chat pool, click Edit Properties and, under General, set its FQDN to its server's (the Standard Edition server's, for a pool collocated on one), then publish the topology.",
  check({ topology, index, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      if (!pool.fqdn) continue;
      const expected = requiredPoolFqdn(pool, index);
      if (!expected || fqdnKey(expected.fqdn.value) === fqdnKey(pool.fqdn.value)) continue;
      const why = expected.standardEdition
        ? `pool on Standard Edition server '${expected.standardEdition.id.value}', whose FQDN it must share`
        : "single-server pool, whose FQDN must be its one server's";
      report({
        span: pool.fqdn.span,
        message: `${label(pool)} has FQDN '${pool.fqdn.value}', but it is a ${why} ('${expected.fqdn.value}').`,
        related: [{ span: expected.fqdn.span, message: 'The server whose FQDN the pool takes' }],
        fixes: [{ title: `Set the pool FQDN to '${expected.fqdn.value}'`, edits: [edits.setScalar(pool.fqdn.span, expected.fqdn.value)], preferred: true }],
      });
    }
  },
};
