import { fqdnKey } from '../model/topologyIndex';
import type { Rule } from './rule';

export const standardEditionServers: Rule = {
  id: 'PC110',
  title: 'A Standard Edition server lists other servers',
  defaultSeverity: 'error',
  source: 'lync-server-2013-supported-topologies.md',
  quote: 'A Standard Edition server is one computer; it is not a pool of servers.',
  quoteIsParaphrase: true,
  check({ topology, edits, report }) {
    for (const pool of topology.frontEndPools) {
      if (pool.edition?.value !== 'standard' || !pool.serversKey || !pool.fqdn) continue;
      const self = fqdnKey(pool.fqdn.value);
      const others = pool.servers.filter((s) => fqdnKey(s.value) !== self);
      if (others.length === 0) continue;
      report({
        span: pool.serversKey.keySpan,
        message: `Standard Edition server '${pool.id.value}' lists other servers (${others.map((s) => s.value).join(', ')}); a Standard Edition server is one computer, so 'servers' must be left out.`,
        fixes: [{ title: "Remove 'servers'", edits: edits.removePairs(pool.node, [pool.serversKey.pair!]), preferred: true }],
      });
    }
  },
};
