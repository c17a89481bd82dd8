import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const isInDomain = (fqdn: string, domain: string): boolean => fqdn.toLowerCase().endsWith(`.${domain.toLowerCase()}`);

export const serverOutsideDomain: Rule = {
  id: 'PC007',
  title: 'A Persistent Chat server is outside the AD DS domain of Lync Server',
  defaultSeverity: 'warning',
  sources: [PAGES.componentsAndTopologies],
  quote: 'Multiple computers running Persistent Chat Server should reside in the same Active Directory Domain Services domain as Lync Server and the Compliance service.',
  inTopologyBuilder:
    "Define the Persistent Chat pool's computers in the AD DS domain of Lync Server: add a computer of that domain to the pool and delete this one, then publish the topology.",
  check({ topology, report }) {
    const domain = topology.domain;
    if (!domain) return;
    for (const pool of topology.persistentChatPools) {
      for (const server of pool.servers) {
        if (!server.fqdn || isInDomain(server.fqdn.value, domain.value)) continue;
        report({
          span: server.fqdn.span,
          message: `Server '${server.fqdn.value}' of ${label(pool)} is outside the AD DS domain '${domain.value}'; Persistent Chat servers should be in the same domain as Lync Server.`,
          related: [{ span: domain.span, message: 'The AD DS domain of Lync Server' }],
        });
      }
    }
  },
};
