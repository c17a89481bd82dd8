import { MAX_ACTIVE_SERVERS, MAX_STANDBY_SERVERS } from '../model/limits';
import { activeServers, standbyServers } from '../model/poolFacts';
import type { Fix, Rule } from './rule';
import { serverName, setState } from './serverState';
import { PAGES } from './sources';
import { label } from './wording';

export const tooManyActive: Rule = {
  id: 'PC203',
  title: 'A Persistent Chat pool has more than 4 active servers',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies, PAGES.capacityPlanning],
  quote:
    'The multiple-server topology can include as many as four active computers running Persistent Chat Server (high availability and disaster recovery configurations will allow up to eight, but only four can be active and the remaining four on standby).',
  inTopologyBuilder:
    'Right-click the Persistent Chat pool, click Edit Properties and, under Machine state settings, select the servers beyond the fourth and click Make inactive (or delete them from the pool), then publish the topology.',
  check(context) {
    for (const pool of context.topology.persistentChatPools) {
      const active = activeServers(pool);
      if (active.length <= MAX_ACTIVE_SERVERS) continue;
      const extra = active.slice(MAX_ACTIVE_SERVERS);
      const fixes: Fix[] =
        standbyServers(pool).length + extra.length <= MAX_STANDBY_SERVERS
          ? [{ title: `Mark ${extra.map(serverName).join(', ')} standby`, edits: extra.map((s) => setState(context, s, 'standby')), preferred: true, safe: true }]
          : [];
      context.report({
        span: extra[0].fqdn?.span ?? extra[0].span,
        message: `${label(pool)} has ${active.length} active servers; a Persistent Chat pool can have at most ${MAX_ACTIVE_SERVERS} active servers.`,
        related: extra.slice(1).map((s) => ({ span: s.fqdn?.span ?? s.span, message: `Active server beyond the fourth` })),
        fixes,
      });
    }
  },
};
