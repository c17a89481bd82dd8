import { fqdnKey } from '../model/topologyIndex';
import { protectionPairs } from './databaseCopies';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, ROLE_NOUNS } from './wording';

export const copyOnSameComputer: Rule = {
  id: 'PC106',
  title: 'A mirror or backup is on the same SQL Server computer as the database it protects',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.requiredResources],
  quote:
    'Server(s) (more than one server if mirroring is used) that host the SQL Server back-end database for hosting the Persistent Chat content database where chat room content, rooms, and categories are stored.',
  inference:
    'Microsoft speaks of mirroring only; that a log-shipping backup, or the mirror of the backup, must not share a computer with the copy it protects either is our inference.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Associations, select for this mirror or backup a SQL Server store on another computer than the database it protects, then publish the topology.',
  check(context) {
    for (const { pool, noun, role, copy, protects } of protectionPairs(context)) {
      const computer = copy.store.fqdn?.value;
      if (!computer || !protects.store.fqdn || fqdnKey(computer) !== fqdnKey(protects.store.fqdn.value)) continue;
      context.report({
        span: copy.ref.span,
        message: `The ${ROLE_NOUNS[role]} of the ${noun} of ${label(pool)} is on SQL Server '${computer}', the same computer as its ${ROLE_NOUNS[protects.role]}; a copy must be on another computer to protect anything.`,
        related: [{ span: protects.ref.span, message: `The ${ROLE_NOUNS[protects.role]} it protects, on ${label(protects.store)}` }],
      });
    }
  },
};
