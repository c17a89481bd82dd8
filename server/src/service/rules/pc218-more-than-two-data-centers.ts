import type { Field } from '../model/model';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { label, quoteList } from './wording';

const MAX_DATA_CENTERS = 2;

export const tooManyDataCenters: Rule = {
  id: 'PC218',
  title: "A Persistent Chat pool's servers stand in more than two data centers",
  defaultSeverity: 'warning',
  sources: [PAGES.highAvailability],
  quote: 'A stretched pool is a pool that has computers that are distributed between two physical data centers, but are within a single logical Lync Server site.',
  inference:
    'Microsoft describes a stretched pool with two data centers only (a primary and a backup); that servers in a third data center fall outside that design is our reading.',
  check({ topology, report }) {
    for (const pool of topology.persistentChatPools) {
      // Each data center (ignoring case) with the first server that names it.
      const centers = new Map<string, Field<string>>();
      for (const { dataCenter } of pool.servers) {
        if (dataCenter && !centers.has(dataCenter.value.toLowerCase())) centers.set(dataCenter.value.toLowerCase(), dataCenter);
      }
      if (centers.size <= MAX_DATA_CENTERS) continue;
      const named = [...centers.values()];
      report({
        span: named[MAX_DATA_CENTERS].span,
        message: `${label(pool)} has servers in ${centers.size} data centers (${quoteList(named.map((c) => c.value))}); a stretched pool spans two physical data centers, a primary and a backup.`,
        related: named.filter((_, i) => i !== MAX_DATA_CENTERS).map((c) => ({ span: c.span, message: `Data center '${c.value}'` })),
      });
    }
  },
};
