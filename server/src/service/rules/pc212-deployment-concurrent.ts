import { MAX_CONCURRENT_USERS } from '../model/limits';
import { reportDeploymentTotal } from './deploymentTotals';
import type { Rule } from './rule';

export const deploymentConcurrentUsers: Rule = {
  id: 'PC212',
  title: 'The Persistent Chat pools together plan more than 80,000 concurrent users',
  defaultSeverity: 'error',
  source: 'lync-server-2013-defining-your-requirements-for-persistent-chat-server.md',
  quote: 'Persistent Chat Server supports up to 80,000 concurrent users.',
  quoteIsParaphrase: true,
  check(context) {
    reportDeploymentTotal(context, (pool) => pool.concurrentUsers, MAX_CONCURRENT_USERS, 'concurrent users', (figures) =>
      figures.every((f) => f.value <= MAX_CONCURRENT_USERS),
    );
  },
};
