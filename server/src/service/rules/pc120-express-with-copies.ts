import { poolDatabases } from '../model/poolFacts';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, quoteList, ROLE_NOUNS } from './wording';

const COPY_ROLES = ['mirror', 'backup', 'backupMirror'] as const;

export const copiesOfExpressDatabase: Rule = {
  id: 'PC120',
  title: 'A database on SQL Server Express has a mirror or a backup',
  defaultSeverity: 'error',
  sources: [PAGES.skypeTopology],
  quote:
    'Although you can deploy Persistent Chat Server on a Standard Edition Server, be aware that performance and scale will be affected, and high availability is not an option.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, clear Enable SQL Server store mirroring and Use backup SQL Server stores to enable disaster recovery for this database on SQL Server Express, then publish the topology.',
  check({ topology, index, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      for (const { noun, placement } of poolDatabases(pool)) {
        const store = index.resolve(placement.store, 'sqlStore');
        if (!placement.store || store?.edition?.value !== 'express') continue;
        const copies = COPY_ROLES.flatMap((role) => {
          const field = placement[role];
          return field ? [{ role, field }] : [];
        }).sort((a, b) => a.field.keySpan.start - b.field.keySpan.start);
        if (copies.length === 0) continue;
        const keys = quoteList(copies.map((c) => c.role));
        const nouns = copies.map((c) => `a ${ROLE_NOUNS[c.role]}`);
        const copyList = nouns.length === 1 ? nouns[0] : `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}`;
        report({
          span: { start: copies[0].field.keySpan.start, end: copies[copies.length - 1].field.span.end },
          message: `The ${noun} of ${label(pool)} is on SQL Server Express (${label(store)}) but has ${copyList}; Persistent Chat on a Standard Edition server has no high availability, so a database on SQL Server Express has no copies.`,
          related: [{ span: placement.store.span, message: `${label(store)} is SQL Server Express` }],
          fixes: [{ title: `Remove ${keys}`, edits: edits.removeKeys(placement.path, copies.map((c) => c.role)), preferred: true }],
        });
      }
    }
  },
};
