import type { Rule } from './rule';
import { DATABASE_NOUNS, instanceRelation, moveFixes } from './sharedInstance';
import { PAGES } from './sources';
import { label } from './wording';

export const persistentChatWithBackEnd: Rule = {
  id: 'PC105',
  title: 'A Persistent Chat or compliance database shares a SQL Server computer with a back-end database',
  defaultSeverity: 'warning',
  sources: [PAGES.componentsAndTopologies, PAGES.enterpriseCollocation],
  quote:
    'The server hosting the Persistent Chat database can host other databases. However, when you consider collocating the Persistent Chat database with other databases, be aware that if you are storing the messages of more than a few users, the disk space needed by the Persistent Chat database can grow very large. For this reason, we do not recommend collocating the Persistent Chat database with the back-end database.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, select for this database a SQL Server store on a SQL Server computer that holds no back-end database (click New to define one), then publish the topology.',
  check(context) {
    for (const db of context.index.databases) {
      // Copies are not judged, nor a database on SQL Server Express (PC102's).
      if (db.kind === 'backEnd' || db.role !== 'store' || !db.store.fqdn || db.store.edition?.value === 'express') continue;
      const backEnds = context.index.databasesOnComputer(db.store.fqdn.value).filter((other) => other.kind === 'backEnd');
      if (backEnds.length === 0) continue;
      const noun = DATABASE_NOUNS[db.kind];
      const holders = backEnds.map((b) => `${label(b.owner)} (${instanceRelation(db, b)})`).join(' and ');
      context.report({
        span: db.ref.span,
        message: `The ${noun} of ${label(db.owner)} is on SQL Server '${db.store.fqdn.value}', which also holds the back-end database${backEnds.length > 1 ? 's' : ''} of ${holders}; Microsoft does not recommend this, as the ${noun} can grow very large.`,
        related: backEnds.map((b) => ({ span: b.ref.span, message: `Back-end database of ${label(b.owner)}, on ${label(b.store)}` })),
        fixes: moveFixes(context, db),
      });
    }
  },
};

