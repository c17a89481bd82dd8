import { fqdnKey } from '../model/topologyIndex';
import type { SqlStore } from '../model/model';
import type { Rule } from './rule';
import { instanceRelation, laterPoolsSharing } from './sharedInstance';
import { PAGES } from './sources';
import { label } from './wording';

const computerOf = (store: SqlStore) => store.fqdn && fqdnKey(store.fqdn.value);

export const sharedBackEndInstance: Rule = {
  id: 'PC104',
  title: 'One SQL Server computer holds the back-end databases of two Front End pools',
  defaultSeverity: 'error',
  sources: [PAGES.enterpriseCollocation],
  quote:
    'The database server cannot support more than one Front End pool, one Archiving deployment, and one Monitoring deployment, but it can support one of each, regardless of whether the databases use the same instance of SQL Server or separate instances of SQL Server.',
  inTopologyBuilder:
    'Right-click one of the Front End pools, click Edit Properties and, under Associations, select as its SQL Server store an instance on another SQL Server computer (click New to define one), then publish the topology.',
  check(context) {
    for (const { db, first } of laterPoolsSharing(context, 'backEnd', computerOf)) {
      context.report({
        span: db.ref.span,
        message: `The back-end database of ${label(db.owner)} is on SQL Server '${db.store.fqdn!.value}' (${label(db.store)}), which also holds the back-end database of ${label(first.owner)} (${instanceRelation(db, first)}); a SQL Server computer can hold the back-end database of only one Front End pool, whether in the same instance or in separate ones.`,
        related: [{ span: first.ref.span, message: `The back-end database of ${label(first.owner)}, on ${label(first.store)}` }],
      });
    }
  },
};
