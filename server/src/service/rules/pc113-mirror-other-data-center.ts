import { protectionPairs } from './databaseCopies';
import type { Rule } from './rule';
import { label, ROLE_NOUNS } from './wording';

export const mirrorInOtherDataCenter: Rule = {
  id: 'PC113',
  title: 'A mirror is in another data center than the copy it mirrors',
  defaultSeverity: 'warning',
  source: 'lync-server-2013-required-resources-for-persistent-chat-server.md',
  quote: 'The mirror of the Persistent Chat database is in the same physical data center as the primary.',
  quoteIsParaphrase: true,
  check(context) {
    for (const { pool, noun, role, copy, protects } of protectionPairs(context)) {
      if (role === 'backup') continue;
      const here = copy.store.dataCenter?.value;
      const there = protects.store.dataCenter?.value;
      if (!here || !there || here.toLowerCase() === there.toLowerCase()) continue;
      context.report({
        span: copy.ref.span,
        message: `The ${ROLE_NOUNS[role]} of the ${noun} of ${label(pool)} is in data center '${here}', but the ${ROLE_NOUNS[protects.role]} it mirrors is in '${there}'; a mirror belongs in the same data center.`,
        related: [{ span: protects.ref.span, message: `The ${ROLE_NOUNS[protects.role]}, in '${there}'` }],
      });
    }
  },
};
