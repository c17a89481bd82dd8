import type { PersistentChatServer } from '../model/model';
import { activeServers } from '../model/poolFacts';
import { sameTimeZone } from '../model/timeZones';
import type { Rule } from './rule';
import { serverName } from './serverState';
import { PAGES } from './sources';
import { label } from './wording';

const MUST = 'active Persistent Chat servers must be in the time zone of the next-hop pool';

export const timeZoneDiffers: Rule = {
  id: 'PC217',
  title: "An active Persistent Chat server is in another time zone than its pool's next hop",
  defaultSeverity: 'error',
  sources: [PAGES.requiredResources],
  quote: 'Active Persistent Chat servers in a Persistent Chat Server pool MUST reside in the same time zone as the next hop Lync Pool defined in the topology.',
  check({ topology, index, report }) {
    for (const pool of topology.persistentChatPools) {
      const nextHop = index.resolve(pool.nextHop, 'frontEndPool');
      const hopZone = nextHop?.timeZone;
      if (!nextHop || !hopZone) continue;
      const hop = `its next hop ${label(nextHop)} is in '${hopZone.value}'`;
      const related = [{ span: hopZone.span, message: `The time zone of ${label(nextHop)}` }];
      const inheriting: PersistentChatServer[] = [];
      for (const server of activeServers(pool)) {
        const zone = server.timeZone;
        if (!zone) {
          if (pool.timeZone && !sameTimeZone(pool.timeZone.value, hopZone.value)) inheriting.push(server);
        } else if (!sameTimeZone(zone.value, hopZone.value)) {
          report({
            span: zone.span,
            message: `Active server '${serverName(server)}' of ${label(pool)} is in time zone '${zone.value}', but ${hop}; ${MUST}.`,
            related,
          });
        }
      }
      if (pool.timeZone && inheriting.length > 0) {
        report({
          span: pool.timeZone.span,
          message: `${label(pool)} puts its active servers ${inheriting.map(serverName).join(', ')} in time zone '${pool.timeZone.value}', but ${hop}; ${MUST}.`,
          related: [...related, ...inheriting.map((s) => ({ span: s.fqdn?.span ?? s.span, message: `Active server in the pool's time zone` }))],
        });
      }
    }
  },
};
