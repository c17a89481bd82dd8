import { protectionPairs } from './databaseCopies';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const backupInSameDataCenter: Rule = {
  id: 'PC114',
  title: 'A log-shipping backup is in the same data center as its primary',
  defaultSeverity: 'error',
  sources: [PAGES.requiredResources, PAGES.skypeHighAvailability],
  quote:
    'One dedicated database instance located in the other physical data center. This database will serve as the SQL Server Log Shipping secondary database for the database in the primary data center.',
  check(context) {
    for (const { pool, noun, role, copy, protects } of protectionPairs(context)) {
      if (role !== 'backup') continue;
      const here = copy.store.dataCenter?.value;
      if (!here || here.toLowerCase() !== protects.store.dataCenter?.value.toLowerCase()) continue;
      context.report({
        span: copy.ref.span,
        message: `The log-shipping backup of the ${noun} of ${label(pool)} is in data center '${here}', the same as its primary; the backup belongs in the other data center.`,
        related: [{ span: protects.ref.span, message: `The primary, in '${here}'` }],
      });
    }
  },
};
