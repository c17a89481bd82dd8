import { fqdnKey } from '../model/topologyIndex';
import type { PersistentChatPool } from '../model/model';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, ROLE_NOUNS } from './wording';

export const expressNotLocal: Rule = {
  id: 'PC102',
  title: 'A Persistent Chat or compliance database is on a SQL Server Express that is not the local one of its Standard Edition server',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.standardCollocation],
  inference:
    'That SQL Server Express may hold these databases nowhere else is our reading: Microsoft names SQL Server Express for Persistent Chat only on the Standard Edition server the pool runs on.',
  quote: 'The Persistent Chat Server Back End Server and the Persistent Chat Compliance database can be collocated on the Standard Edition server on the local SQL Server Express Back End Server.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, select for this database a SQL Server store on a full SQL Server (click New to define one), then publish the topology.',
  check({ index, report }) {
    for (const db of index.databases) {
      if (db.kind === 'backEnd' || db.store.edition?.value !== 'express' || !db.store.fqdn) continue;
      const pool = db.owner as PersistentChatPool;
      const host = index.collocatedStandardEdition(pool);
      if (host?.fqdn && fqdnKey(host.fqdn.value) === fqdnKey(db.store.fqdn.value)) continue;
      const what = db.kind === 'persistentChat' ? 'Persistent Chat database' : 'compliance database';
      report({
        span: db.ref.span,
        message: `The ${what} (${ROLE_NOUNS[db.role]}) of ${label(pool)} is on ${label(db.store)}, a SQL Server Express on '${db.store.fqdn.value}'; SQL Server Express may hold it only on the Standard Edition server the pool runs on.`,
        related: [{ span: db.store.id.span, message: `${label(db.store)} is SQL Server Express` }],
      });
    }
  },
};
