import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const multipleServerWithoutFileStore: Rule = {
  id: 'PC116',
  title: 'A multiple-server Persistent Chat pool has no file store',
  defaultSeverity: 'warning',
  sources: [PAGES.addPersistentChat],
  quote:
    'Define the file store. A file store is a folder where a copy of any file uploaded to the file repository is stored (for example, storing file attachments posted to a chat room). In the case of a multiple-server Persistent Chat Server topology, this must be a Universal Naming Convention (UNC) path; and for a single-server Persistent Chat Server topology, it can be a local file path.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, select a File store (click New to define a file share), then publish the topology.',
  check({ topology, index, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      // A pool on a Standard Edition server can never have a second server (PC214): it is a single-server topology.
      if (pool.deployment?.value !== 'multiple-server' || pool.fileStore || index.collocatedStandardEdition(pool)) continue;
      const nextHop = index.resolve(pool.nextHop, 'frontEndPool');
      const store = index.resolve(nextHop?.fileStore, 'fileStore');
      report({
        span: pool.deployment.span,
        message: `Multiple-server ${label(pool)} has no 'fileStore'; a multiple-server pool keeps the files posted to its chat rooms on a file share (a UNC path), so it needs one.`,
        fixes:
          nextHop && store
            ? [{ title: `Use file store '${store.id.value}' of next hop '${nextHop.id.value}'`, edits: [edits.insertKey(pool.path, 'fileStore', store.id.value)], preferred: true }]
            : [],
      });
    }
  },
};
