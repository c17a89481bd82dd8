import { fqdnKey } from '../model/topologyIndex';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

export const standardEditionNoHighAvailability: Rule = {
  id: 'PC214',
  title: 'A pool collocated on a Standard Edition server has other or standby servers',
  defaultSeverity: 'error',
  sources: [PAGES.skypeTopology, PAGES.capacityPlanning],
  quote: 'You cannot add additional servers to a Persistent Chat Server pool if the first Persistent Chat Server is collocated with a Standard Edition Front End Server.',
  inTopologyBuilder:
    'A Persistent Chat pool on a Standard Edition server has that server only: delete the other computers from the pool, or define a Multiple computer pool on dedicated computers with New Persistent Chat Pool, then publish the topology.',
  check({ topology, index, edits, report }) {
    for (const pool of topology.persistentChatPools) {
      const se = index.collocatedStandardEdition(pool);
      if (!se?.fqdn || !pool.serversKey) continue;
      const own = fqdnKey(se.fqdn.value);
      const others = pool.servers.filter((s) => !s.fqdn || fqdnKey(s.fqdn.value) !== own);
      const standby = pool.servers.filter((s) => s.state?.value === 'standby');
      if (others.length === 0 && standby.length === 0) continue;
      const culprit = others[0] ?? standby[0];
      report({
        span: culprit.fqdn?.span ?? culprit.span,
        message: `${label(pool)} runs on Standard Edition server '${se.fqdn.value}', so it can have no ${others[0] ? `other server such as '${others[0].fqdn?.value ?? '?'}'` : `standby server such as '${culprit.fqdn?.value ?? '?'}'`}: a Standard Edition deployment has no high availability and cannot grow.`,
        related: [{ span: se.fqdn.span, message: `Standard Edition server ${label(se)}` }],
        fixes: others.length ? [{ title: `Remove the other servers (${others.map((s) => s.fqdn?.value ?? '?').join(', ')})`, edits: edits.removeItems([...pool.path, 'servers'], others.map((s) => s.span)), preferred: true }] : [],
      });
    }
  },
};
