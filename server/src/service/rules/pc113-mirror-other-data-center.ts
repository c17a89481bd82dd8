import { protectionPairs } from './databaseCopies';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, ROLE_NOUNS } from './wording';

export const mirrorInOtherDataCenter: Rule = {
  id: 'PC113',
  title: 'A mirror is in another data center than the copy it mirrors',
  defaultSeverity: 'error',
  sources: [PAGES.requiredResources, PAGES.skypeHighAvailability],
  quote:
    'One dedicated database instance to serve as the SQL Server mirror for the secondary database. Optionally, designate an additional SQL Server to server as the mirroring witness. Both of these must be located in the same physical data center as the secondary database.',
  check(context) {
    for (const { pool, noun, role, copy, protects } of protectionPairs(context)) {
      if (role === 'backup') continue;
      const here = copy.store.dataCenter?.value;
      const there = protects.store.dataCenter?.value;
      if (!here || !there || here.toLowerCase() === there.toLowerCase()) continue;
      context.report({
        span: copy.ref.span,
        message: `The ${ROLE_NOUNS[role]} of the ${noun} of ${label(pool)} is in data center '${here}', but the ${ROLE_NOUNS[protects.role]} it mirrors is in '${there}'; a mirror must be in the same data center.`,
        related: [{ span: protects.ref.span, message: `The ${ROLE_NOUNS[protects.role]}, in '${there}'` }],
      });
    }
  },
};
