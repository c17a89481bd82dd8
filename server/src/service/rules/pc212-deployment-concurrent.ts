import { MAX_CONCURRENT_USERS } from '../model/limits';
import { reportDeploymentTotal } from './deploymentTotals';
import type { Rule } from './rule';
import { PAGES } from './sources';

export const deploymentConcurrentUsers: Rule = {
  id: 'PC212',
  title: 'The Persistent Chat pools together plan more than 80,000 concurrent users',
  defaultSeverity: 'error',
  sources: [PAGES.definingRequirements],
  quote:
    'Having multiple Persistent Chat Server pools does not give you more scale (you can still have only 80,000 concurrently connected users across all your Persistent Chat Server pools).',
  check(context) {
    reportDeploymentTotal(context, (pool) => pool.concurrentUsers, MAX_CONCURRENT_USERS, 'concurrent users', (figures) =>
      figures.every((f) => f.value <= MAX_CONCURRENT_USERS),
    );
  },
};
