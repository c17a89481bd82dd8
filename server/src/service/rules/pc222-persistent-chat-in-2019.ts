import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

/** Topology Builder's ServiceVersion of Skype for Business Server 2019 (2015 is 7, Lync Server 2013 is 6). */
const SKYPE_FOR_BUSINESS_2019 = 8;

export const persistentChatIn2019: Rule = {
  id: 'PC222',
  title: 'A Persistent Chat pool in a Skype for Business Server 2019 topology',
  defaultSeverity: 'error',
  sources: [PAGES.skypeCapacityPlanning],
  quote: 'Persistent chat is available in Skype for Business Server 2015 but is no longer supported in Skype for Business Server 2019.',
  inTopologyBuilder:
    'Do not move the Persistent Chat pool to Skype for Business Server 2019: keep it on Skype for Business Server 2015 or Lync Server 2013 servers, or move its users to Teams and delete the pool; then publish the topology.',
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      const version = pool.serviceVersion;
      if (!version || version.value < SKYPE_FOR_BUSINESS_2019) continue;
      report({
        span: version.span,
        message: `${label(pool)} is a Skype for Business Server 2019 service (ServiceVersion ${version.value}); Skype for Business Server 2019 no longer supports Persistent Chat, so keep this pool on Lync Server 2013 or Skype for Business Server 2015 servers.`,
      });
    }
  },
};
