import { fqdnKey } from '../model/topologyIndex';
import type { FrontEndPool, SqlStore } from '../model/model';
import type { OffsetEdit } from '../edits/topologyEdits';
import type { Fix, Rule, RuleContext } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

/** Points a Standard Edition server's back end at its local SQL Server Express, adding that store if there is none. */
function localExpressFix(context: RuleContext, pool: FrontEndPool, local: SqlStore | undefined): Fix | undefined {
  const { edits, index } = context;
  if (!pool.fqdn || !pool.site) return undefined;
  const changes: (OffsetEdit | undefined)[] = [];
  let id = local?.id.value;
  if (!id) {
    id = index.byId.has(`${pool.id.value}-express`) ? index.unusedId(`${pool.id.value}-express`) : `${pool.id.value}-express`;
    const store = { id, fqdn: pool.fqdn.value, instance: 'RTC', edition: 'express', site: pool.site.value };
    changes.push(edits.appendItem(['sqlStores'], store));
  }
  changes.push(pool.backEnd ? edits.setScalar(pool.backEnd.span, id) : edits.insertKey(pool.path, 'backEnd', id));
  return { title: local ? `Use the local SQL Server Express store '${id}'` : `Add the local SQL Server Express store '${id}' and use it`, edits: changes, preferred: true };
}

export const backEndForEdition: Rule = {
  id: 'PC109',
  title: "A Front End pool's back end does not fit its edition",
  defaultSeverity: 'error',
  sources: [PAGES.standardCollocation, PAGES.supportedTopologies],
  quote: 'By default, the SQL Server Express back-end database is collocated on the Standard Edition server. You cannot move it to a separate computer.',
  inference:
    "That an Enterprise Edition pool's back end cannot be SQL Server Express is our reading: Microsoft names SQL Server Express only as the Standard Edition server's own database.",
  inTopologyBuilder:
    "Right-click the Front End pool, click Edit Properties and, under Associations, select as SQL Server store a full SQL Server for an Enterprise Edition pool, or the server's own SQL Server Express for a Standard Edition server, then publish the topology.",
  check(context) {
    const { topology, index, report } = context;
    for (const pool of topology.frontEndPools) {
      if (!pool.edition) continue;
      const store = index.resolve(pool.backEnd, 'sqlStore');
      if (pool.backEnd && !store) continue;
      if (pool.edition.value === 'enterprise') {
        if (!store) {
          report({ span: pool.edition.span, message: `Enterprise Edition pool '${pool.id.value}' has no 'backEnd'; an Enterprise Edition pool needs a SQL Server back-end store.` });
        } else if (store.edition?.value === 'express') {
          report({
            span: pool.backEnd!.span,
            message: `Enterprise Edition pool '${pool.id.value}' uses ${label(store)}, a SQL Server Express, as back end; an Enterprise Edition pool needs a full SQL Server back end.`,
            related: [{ span: store.id.span, message: `${label(store)} is SQL Server Express` }],
          });
        }
        continue;
      }
      if (!pool.fqdn) continue;
      const own = fqdnKey(pool.fqdn.value);
      const isLocalExpress = (s: SqlStore) => s.edition?.value === 'express' && !!s.fqdn && fqdnKey(s.fqdn.value) === own;
      if (store && isLocalExpress(store)) continue;
      const fix = localExpressFix(context, pool, topology.sqlStores.find(isLocalExpress));
      report({
        span: (pool.backEnd ?? pool.edition).span,
        message: store
          ? `Standard Edition server '${pool.id.value}' uses ${label(store)} as back end; a Standard Edition server's back end is the SQL Server Express on itself ('${pool.fqdn.value}').`
          : `Standard Edition server '${pool.id.value}' has no 'backEnd'; name the SQL Server Express store on '${pool.fqdn.value}'.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
