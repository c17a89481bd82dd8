import { DEFAULT_POOL_PORT, DEFAULT_SIP_PORT } from '../model/limits';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const samePorts: Rule = {
  id: 'PC216',
  title: 'The SIP port and the pool port are the same',
  defaultSeverity: 'error',
  sources: [PAGES.addPersistentChat, PAGES.componentsAndTopologies],
  quote: 'Define the port used by the Persistent Chat Server to communicate with Lync Server Front End Servers. The default port is 5041.',
  inference:
    'That the two ports cannot be the same is our inference: Microsoft gives them different defaults and different uses, and one port cannot serve both.',
  inTopologyBuilder:
    "Right-click the Persistent Chat pool, click Edit Properties and, under General, give Persistent Chat port a port other than the one the pool's servers use between themselves (5041 and 8011 by default), then publish the topology.",
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      const sip = pool.sipPort?.value ?? DEFAULT_SIP_PORT;
      const internal = pool.poolPort?.value ?? DEFAULT_POOL_PORT;
      if (sip !== internal) continue;
      const at = (pool.poolPort ?? pool.sipPort)!;
      report({ span: at.span, message: `${label(pool)} uses port ${sip} both for SIP and within the pool; they must be different ports.` });
    }
  },
};
