import { MAX_PROVISIONED_USERS } from '../model/limits';
import { reportDeploymentTotal } from './deploymentTotals';
import type { Rule } from './rule';

export const deploymentProvisionedUsers: Rule = {
  id: 'PC213',
  title: 'The Persistent Chat pools together plan more than 150,000 provisioned users',
  defaultSeverity: 'error',
  source: 'lync-server-2013-defining-your-requirements-for-persistent-chat-server.md',
  quote: 'Persistent Chat Server supports up to 150,000 provisioned users.',
  quoteIsParaphrase: true,
  check(context) {
    reportDeploymentTotal(context, (pool) => pool.provisionedUsers, MAX_PROVISIONED_USERS, 'provisioned users');
  },
};
