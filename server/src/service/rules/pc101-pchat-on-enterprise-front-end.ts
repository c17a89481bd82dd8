import { fqdnKey } from '../model/topologyIndex';
import { domainOf } from './placeholders';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const pchatOnEnterpriseFrontEnd: Rule = {
  id: 'PC101',
  title: 'A Persistent Chat server is collocated on an Enterprise Edition Front End server',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.enterpriseCollocation],
  quote: 'For Lync Server 2013 Enterprise Edition, Persistent Chat Servers cannot be collocated on the Enterprise Edition server.',
  inTopologyBuilder:
    'Delete the Front End server from the Persistent Chat pool and add a dedicated computer in its place (a Single computer pool must be deleted and defined again with New Persistent Chat Pool), then publish the topology.',
  check(context) {
    const { topology, index, edits, report } = context;
    const domain = domainOf(context);
    for (const pool of topology.persistentChatPools) {
      for (const server of pool.servers) {
        const frontEnd = server.fqdn && index.enterpriseServers.get(fqdnKey(server.fqdn.value));
        if (!server.fqdn || !frontEnd) continue;
        const [dedicated] = domain ? index.unusedFqdns('pchat', domain, 1) : [];
        report({
          span: server.fqdn.span,
          message: `Server '${server.fqdn.value}' of ${label(pool)} is a Front End server of Enterprise Edition pool '${frontEnd.pool.id.value}'; Persistent Chat Server cannot be collocated on an Enterprise Edition server.`,
          related: [{ span: frontEnd.server.span, message: `Front End server of ${label(frontEnd.pool)}` }],
          fixes: dedicated
            ? [
                {
                  title: `Use a dedicated server '${dedicated}'`,
                  // A pool named after its server (single-server) follows the server to its new name.
                  edits: [edits.setScalar(server.fqdn.span, dedicated), ...(pool.fqdn && fqdnKey(pool.fqdn.value) === fqdnKey(server.fqdn.value) ? [edits.setScalar(pool.fqdn.span, dedicated)] : [])],
                  preferred: true,
                },
              ]
            : [],
        });
      }
    }
  },
};
