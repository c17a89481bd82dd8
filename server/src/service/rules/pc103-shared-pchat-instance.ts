import { instanceKey } from '../model/topologyIndex';
import type { Rule } from './rule';
import { copyOf, DATABASE_NOUNS, laterPoolsSharing, moveFixes } from './sharedInstance';
import { PAGES } from './sources';
import { label } from './wording';

export const sharedPersistentChatInstance: Rule = {
  id: 'PC103',
  title: 'One SQL Server instance holds the databases of two Persistent Chat pools',
  defaultSeverity: 'error',
  sources: [PAGES.enterpriseCollocation, PAGES.componentsAndTopologies, PAGES.standardCollocation],
  quote:
    'Each instance of SQL Server can contain only a single back-end database, a single Monitoring database, a single Archiving database, a single Persistent Chat database, and a single Persistent Chat compliance database.',
  inTopologyBuilder:
    "Right-click one of the two Persistent Chat pools, click Edit Properties and, under Associations, select for this database a SQL Server store on an instance that holds no other pool's database of this kind (click New to define one), then publish the topology.",
  check(context) {
    for (const kind of ['persistentChat', 'compliance'] as const) {
      const noun = DATABASE_NOUNS[kind];
      for (const { db, first } of laterPoolsSharing(context, kind, instanceKey)) {
        context.report({
          span: db.ref.span,
          message: `The ${copyOf(db)}${noun} of ${label(db.owner)} is on ${label(db.store)}, the same SQL Server instance that holds the ${copyOf(first)}${noun} of ${label(first.owner)}; an instance can hold only one ${noun}.`,
          related: [{ span: first.ref.span, message: `The ${noun} of ${label(first.owner)}` }],
          fixes: moveFixes(context, db),
        });
      }
    }
  },
};
