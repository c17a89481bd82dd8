import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, ROLE_NOUNS } from './wording';

export const alwaysOnDatabase: Rule = {
  id: 'PC112',
  title: 'A Persistent Chat or compliance database is in an AlwaysOn availability group',
  defaultSeverity: 'error',
  sources: [PAGES.skypeHighAvailability, PAGES.skypeTopology],
  quote: 'Using SQL AlwaysOn Availability Groups is not supported with Persistent Chat Server databases.',
  check({ index, report }) {
    for (const db of index.databases) {
      if (db.kind === 'backEnd' || db.store.alwaysOn?.value !== true) continue;
      const noun = db.kind === 'persistentChat' ? 'Persistent Chat database' : 'compliance database';
      report({
        span: db.ref.span,
        message: `The ${noun} (${ROLE_NOUNS[db.role]}) of ${label(db.owner)} is on ${label(db.store)}, which is in an AlwaysOn availability group; Persistent Chat supports SQL Server mirroring and log shipping, not AlwaysOn.`,
        related: db.store.alwaysOn ? [{ span: db.store.alwaysOn.span, message: `${label(db.store)} is AlwaysOn` }] : [],
      });
    }
  },
};
