import { instanceKey } from '../model/topologyIndex';
import type { SqlStore } from '../model/model';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

const MAX_SUGGESTIONS = 3;

export const complianceWithoutStore: Rule = {
  id: 'PC107',
  title: 'Compliance is enabled but no compliance store is given',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.addPersistentChat],
  quote:
    'If compliance was enabled, a server(s) (more than one server if mirroring is used) that host the SQL Server back-end database for hosting the Persistent Chat Compliance database, where compliance events and chat content for the purpose of compliance are stored.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, keep Enable compliance selected and select a Compliance SQL Server store (click New to define one), then publish the topology.',
  check({ topology, index, edits, report }) {
    let free: SqlStore[] | undefined;
    for (const pool of topology.persistentChatPools) {
      const compliance = pool.compliance;
      if (compliance?.enabled?.value !== true || compliance.store) continue;
      free ??= topology.sqlStores.filter(
        (s) => instanceKey(s) && s.alwaysOn?.value !== true && s.edition?.value !== 'express' && !index.databasesOnInstance(s).some((db) => db.kind === 'compliance'),
      );
      const ownStore = index.resolve(pool.database?.store, 'sqlStore');
      const candidates = ownStore && free.includes(ownStore) ? [ownStore, ...free.filter((s) => s !== ownStore)] : free;
      report({
        span: compliance.keySpan,
        message: `Compliance is enabled for ${label(pool)} but no 'store' holds its compliance database; name the SQL store for it.`,
        fixes: candidates.slice(0, MAX_SUGGESTIONS).map((store, i) => ({
          title: `Keep the compliance database in SQL store '${store.id.value}'`,
          edits: [edits.insertKey(compliance.path, 'store', store.id.value)],
          preferred: i === 0,
        })),
      });
    }
  },
};
