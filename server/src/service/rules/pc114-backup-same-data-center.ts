import { protectionPairs } from './databaseCopies';
import type { Rule } from './rule';
import { label } from './wording';

export const backupInSameDataCenter: Rule = {
  id: 'PC114',
  title: 'A log-shipping backup is in the same data center as its primary',
  defaultSeverity: 'error',
  source: 'lync-server-2013-required-resources-for-persistent-chat-server.md',
  quote: 'Log shipping copies the Persistent Chat database to a secondary database in the backup data center.',
  quoteIsParaphrase: true,
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
