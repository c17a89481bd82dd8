import { fqdnKey } from '../model/topologyIndex';
import type { Rule } from './rule';
import { PAGES } from './sources';

export const standardEditionServers: Rule = {
  id: 'PC110',
  title: 'A Standard Edition server lists other servers',
  defaultSeverity: 'error',
  sources: [PAGES.supportedTopologies],
  quote: 'Standard Edition server, which includes a collocated SQL Server Express database.',
  inference:
    'That a Standard Edition server lists no other servers is our reading of this page, which describes it as one server with its own database, where an Enterprise Edition pool consists of Front End Servers.',
  inTopologyBuilder:
    'A Standard Edition server is one computer: define a pool of several Front End servers as an Enterprise Edition Front End pool instead, then publish the topology.',
  check({ topology, edits, report }) {
    for (const pool of topology.frontEndPools) {
      if (pool.edition?.value !== 'standard' || !pool.serversKey || !pool.fqdn) continue;
      const self = fqdnKey(pool.fqdn.value);
      const others = pool.servers.filter((s) => fqdnKey(s.value) !== self);
      if (others.length === 0) continue;
      report({
        span: pool.serversKey.keySpan,
        message: `Standard Edition server '${pool.id.value}' lists other servers (${others.map((s) => s.value).join(', ')}); a Standard Edition server is one computer, so 'servers' must be left out.`,
        fixes: [{ title: "Remove 'servers'", edits: edits.removeKeys(pool.path, ['servers']), preferred: true }],
      });
    }
  },
};
