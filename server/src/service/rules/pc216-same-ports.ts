import { DEFAULT_POOL_PORT, DEFAULT_SIP_PORT } from '../model/limits';
import type { Rule } from './rule';
import { label } from './wording';

export const samePorts: Rule = {
  id: 'PC216',
  title: 'The SIP port and the pool port are the same',
  defaultSeverity: 'error',
  source: 'lync-server-2013-ports-and-protocols-for-internal-servers.md',
  quote: 'Persistent Chat uses one port for SIP (5041) and another for communication within the pool (8011).',
  quoteIsParaphrase: true,
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      if (pool.faulted.has('sipPort') || pool.faulted.has('poolPort')) continue;
      const sip = pool.sipPort?.value ?? DEFAULT_SIP_PORT;
      const internal = pool.poolPort?.value ?? DEFAULT_POOL_PORT;
      if (sip !== internal) continue;
      const at = (pool.poolPort ?? pool.sipPort)!;
      report({ span: at.span, message: `${label(pool)} uses port ${sip} both for SIP and within the pool; they must be different ports.` });
    }
  },
};
