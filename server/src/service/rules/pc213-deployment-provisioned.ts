import { MAX_PROVISIONED_USERS } from '../model/limits';
import { reportDeploymentTotal } from './deploymentTotals';
import type { Rule } from './rule';
import { PAGES } from './sources';

export const deploymentProvisionedUsers: Rule = {
  id: 'PC213',
  title: 'The Persistent Chat pools together plan more than 150,000 provisioned users',
  defaultSeverity: 'error',
  sources: [PAGES.definingRequirements, PAGES.capacityPlanning],
  quote:
    'Persistent Chat Server supports 150,000 provisioned users (enabled by policy), and a maximum of 80,000 concurrent users using Persistent Chat Server.',
  inference:
    'That the 150,000 provisioned users hold across all pools together, as Microsoft says of the 80,000 concurrent users, is our reading.',
  check(context) {
    reportDeploymentTotal(context, (pool) => pool.provisionedUsers, MAX_PROVISIONED_USERS, 'provisioned users');
  },
};
