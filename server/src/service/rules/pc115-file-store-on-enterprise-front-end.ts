import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const fileStoreOnEnterpriseFrontEnd: Rule = {
  id: 'PC115',
  title: 'A file store is on an Enterprise Edition Front End server',
  defaultSeverity: 'error',
  sources: [PAGES.skypeFileStore],
  quote: 'The file share for Skype for Business Server cannot be located on the Enterprise Edition Front End Server, but can be located on a Standard Edition server.',
  inTopologyBuilder:
    'Define the file store on a file server that is not an Enterprise Edition Front End server (New File Store), select it in Edit Properties of every pool that uses this one, then publish the topology.',
  check({ topology, index, report }) {
    for (const store of topology.fileStores) {
      const frontEnd = store.fqdn && index.enterpriseFrontEnd(store.fqdn.value);
      if (!store.fqdn || !frontEnd) continue;
      const asPool = frontEnd.name === frontEnd.pool.fqdn;
      report({
        span: store.fqdn.span,
        message: `File store '${store.id.value}' is on '${store.fqdn.value}', ${asPool ? 'the pool FQDN' : 'a Front End server'} of Enterprise Edition pool '${frontEnd.pool.id.value}'; a file share cannot be located on an Enterprise Edition Front End server (it can be on a Standard Edition server).`,
        related: [{ span: frontEnd.name.span, message: `${asPool ? 'Pool FQDN' : 'Front End server'} of ${label(frontEnd.pool)}` }],
      });
    }
  },
};
