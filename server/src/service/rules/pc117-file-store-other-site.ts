import type { FileStore, Site } from '../model/model';
import type { Rule, RuleContext } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

const MAX_SUGGESTIONS = 3;

/** File stores of `site` a pool could use instead: defined once, and not on an Enterprise Edition Front End server (PC115). */
function storesOfSite({ topology, index }: RuleContext, site: Site): FileStore[] {
  return topology.fileStores.filter(
    (store) => index.resolve(store.site, 'site') === site && index.byId.get(store.id.value)?.length === 1 && !(store.fqdn && index.enterpriseFrontEnd(store.fqdn.value)),
  );
}

export const fileStoreOfOtherSite: Rule = {
  id: 'PC117',
  title: 'A pool uses a file store of another site',
  defaultSeverity: 'warning',
  sources: [PAGES.enterpriseCollocation],
  quote: 'A single file share can be used for multiple Front End pools, Standard Edition servers (all in the same site).',
  inference: "Microsoft says this of Front End pools and Standard Edition servers; that a Persistent Chat pool's file store belongs to its site too is our inference.",
  inTopologyBuilder:
    "Right-click the pool, click Edit Properties and, under Associations, select a file store of the pool's own site (File store for a Persistent Chat pool, File share for a Front End pool), then publish the topology.",
  check(context) {
    const { topology, index, edits, report } = context;
    for (const pool of [...topology.frontEndPools, ...topology.persistentChatPools]) {
      const ref = pool.fileStore;
      const store = index.resolve(ref, 'fileStore');
      const site = index.resolve(pool.site, 'site');
      const storeSite = index.resolve(store?.site, 'site');
      if (!ref || !store?.site || !site || !storeSite || storeSite === site) continue;
      report({
        span: ref.span,
        message: `${label(pool)} is in site '${site.id.value}' but uses ${label(store)} of site '${storeSite.id.value}'; a file share serves the pools of one site.`,
        related: [{ span: store.site.span, message: `Site of ${label(store)}` }],
        fixes: storesOfSite(context, site)
          .slice(0, MAX_SUGGESTIONS)
          .map((other, i) => ({ title: `Use file store '${other.id.value}' of site '${site.id.value}'`, edits: [edits.setScalar(ref.span, other.id.value)], preferred: i === 0 })),
      });
    }
  },
};
