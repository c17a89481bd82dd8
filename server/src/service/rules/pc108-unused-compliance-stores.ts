import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, quoteList } from './wording';

const STORE_KEYS = ['store', 'mirror', 'backup', 'backupMirror'] as const;

export const unusedComplianceStores: Rule = {
  id: 'PC108',
  title: 'Compliance is disabled but compliance stores are given',
  defaultSeverity: 'warning',
  sources: [PAGES.addPersistentChat, PAGES.componentsAndTopologies],
  quote: 'Define the SQL Server compliance database if you enabled Compliance.',
  inference:
    'That compliance stores given while compliance is disabled are ignored, and best removed, is our reading: Microsoft asks for them only when compliance is enabled.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and select Enable compliance under Associations if the pool is meant to keep a compliance database; otherwise nothing needs to change.',
  check({ topology, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      const compliance = pool.compliance;
      if (compliance?.enabled?.value !== false) continue;
      const unused = STORE_KEYS.flatMap((key) => (compliance[key] ? [{ key, field: compliance[key]! }] : []));
      if (unused.length === 0) continue;
      report({
        span: { start: unused[0].field.keySpan.start, end: unused[unused.length - 1].field.span.end },
        message: `Compliance is disabled for ${label(pool)}, so ${quoteList(unused.map((u) => u.key))} ${unused.length === 1 ? 'is' : 'are'} ignored.`,
        tags: ['unnecessary'],
        related: compliance.enabled ? [{ span: compliance.enabled.span, message: 'Compliance is disabled here' }] : [],
        fixes: [{ title: `Remove ${quoteList(unused.map((u) => u.key))}`, edits: edits.removeKeys(compliance.path, unused.map((u) => u.key)), preferred: true, safe: true }],
      });
    }
  },
};
