import type { Rule } from './rule';
import { reportSharedInstances } from './sharedInstance';

export const sharedPersistentChatInstance: Rule = {
  id: 'PC103',
  title: 'One SQL Server instance holds the databases of two Persistent Chat pools',
  defaultSeverity: 'error',
  source: 'Seed (Gg398500), Supported Collocation; lync-server-2013-supported-server-collocation.md',
  quote: 'Each instance of SQL Server can contain only a single back-end database and a single Persistent Chat database.',
  check(context) {
    reportSharedInstances(context, 'persistentChat', 'Persistent Chat database');
    reportSharedInstances(context, 'compliance', 'compliance database');
  },
};
