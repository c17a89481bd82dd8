import { DEFAULT_POOL_PORT, DEFAULT_SIP_PORT } from '../model/limits';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const nonDefaultPort: Rule = {
  id: 'PC211',
  title: 'A Persistent Chat port is not the default',
  defaultSeverity: 'information',
  sources: [PAGES.componentsAndTopologies, PAGES.addPersistentChat, PAGES.portsAndProtocols],
  quote:
    'The default port of TCP 8011 connects a server to a server pool, and is used by the Persistent Chat service to communicate between themselves, or for administrative purposes.',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and put the port back to its default (5041 for Persistent Chat port, under General) unless it was changed on purpose, then publish the topology.',
  check({ topology, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      for (const [port, fallback, what] of [
        [pool.sipPort, DEFAULT_SIP_PORT, 'SIP port'],
        [pool.poolPort, DEFAULT_POOL_PORT, 'pool port'],
      ] as const) {
        if (!port || port.value === fallback) continue;
        const other = port === pool.sipPort ? (pool.poolPort?.value ?? DEFAULT_POOL_PORT) : (pool.sipPort?.value ?? DEFAULT_SIP_PORT);
        report({
          span: port.span,
          message: `${label(pool)} uses ${what} ${port.value} instead of the default ${fallback}; firewalls and load balancers must allow it.`,
          fixes: other === fallback ? [] : [{ title: `Use the default ${what} ${fallback}`, edits: [edits.setScalar(port.span, fallback)], preferred: true }],
        });
      }
    }
  },
};
