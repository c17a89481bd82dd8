import { fqdnKey } from '../model/topologyIndex';
import type { Rule } from './rule';
import { label } from './wording';

export const poolFqdnNotServer: Rule = {
  id: 'PC209',
  title: "A single-server or Standard Edition collocated pool's FQDN is not its server's",
  defaultSeverity: 'error',
  source: 'lync-server-2013-add-persistent-chat-server-to-the-topology.md',
  quote: 'For a single-server pool, the pool FQDN is the FQDN of the server; a Persistent Chat Server collocated with a Standard Edition server uses that server\'s FQDN.',
  quoteIsParaphrase: true,
  check({ topology, index, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      if (!pool.fqdn) continue;
      const collocated = index.collocatedStandardEdition(pool);
      const [first] = pool.servers;
      const expected =
        pool.deployment?.value === 'single-server' && first?.fqdn
          ? { fqdn: first.fqdn, why: `single-server pool, whose FQDN must be its one server's` }
          : collocated?.fqdn && { fqdn: collocated.fqdn, why: `pool on Standard Edition server '${collocated.id.value}', whose FQDN it must share` };
      if (!expected || fqdnKey(expected.fqdn.value) === fqdnKey(pool.fqdn.value)) continue;
      report({
        span: pool.fqdn.span,
        message: `${label(pool)} has FQDN '${pool.fqdn.value}', but it is a ${expected.why} ('${expected.fqdn.value}').`,
        related: [{ span: expected.fqdn.span, message: 'The server whose FQDN the pool takes' }],
        fixes: [{ title: `Set the pool FQDN to '${expected.fqdn.value}'`, edits: [edits.setScalar(pool.fqdn.span, expected.fqdn.value)], preferred: true }],
      });
    }
  },
};
