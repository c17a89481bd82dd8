import { poolDatabases } from '../model/poolFacts';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const backupMirrorWithoutBackup: Rule = {
  id: 'PC119',
  title: 'A database has a backup mirror but no log-shipping backup',
  defaultSeverity: 'error',
  sources: [PAGES.topologyBuilderHighAvailability, PAGES.requiredResources],
  quote: 'Enable the SQL Server Log Shipping database. Add the SQL Server Log Shipping secondary SQL Server store. Add the SQL Server store mirror for the secondary database.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, select Use backup SQL Server stores to enable disaster recovery and a Backup SQL Server store for the Backup SQL Server store mirror to mirror, then publish the topology.',
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      for (const { noun, placement } of poolDatabases(pool)) {
        if (!placement.backupMirror || placement.backup) continue;
        report({
          span: placement.backupMirror.span,
          message: `The ${noun} of ${label(pool)} has a backup mirror '${placement.backupMirror.value}' but no log-shipping backup; a backup mirror mirrors the log-shipping secondary database, so it needs a 'backup'.`,
          related: placement.store ? [{ span: placement.store.span, message: `The primary of the ${noun}` }] : [],
        });
      }
    }
  },
};
