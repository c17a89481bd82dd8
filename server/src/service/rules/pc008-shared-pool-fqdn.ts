import { fqdnKey, type Pool } from '../model/topologyIndex';
import { requiredPoolFqdn } from '../model/poolFacts';
import type { PersistentChatPool } from '../model/model';
import type { Rule, RuleContext } from './rule';
import { PAGES } from './sources';
import { label } from './wording';

/** Whether `key` is one of the pool's computers; a Standard Edition server is the computer its pool FQDN names. */
function isComputerOf(pool: Pool, key: string): boolean {
  if (pool.kind === 'persistentChatPool') return pool.servers.some((s) => s.fqdn && fqdnKey(s.fqdn.value) === key);
  if (pool.edition?.value === 'standard') return !!pool.fqdn && fqdnKey(pool.fqdn.value) === key;
  return pool.servers.some((s) => fqdnKey(s.value) === key);
}

/** A Persistent Chat pool whose servers are all the other pool's Front End servers: PC101 reports each of them. */
function installedOnFrontEnd(pool: Pool, other: Pool): boolean {
  const [chat, frontEnd] = pool.kind === 'persistentChatPool' ? [pool, other] : [other, pool];
  if (chat.kind !== 'persistentChatPool' || frontEnd.kind !== 'frontEndPool' || frontEnd.edition?.value !== 'enterprise' || chat.servers.length === 0) return false;
  return chat.servers.every((s) => !!s.fqdn && isComputerOf(frontEnd, fqdnKey(s.fqdn.value)));
}

/** A pool whose FQDN must be its server's (single-server, or on a Standard Edition server) but is not: PC209 reports it. */
function misnamed({ index }: RuleContext, pool: Pool): boolean {
  if (pool.kind !== 'persistentChatPool' || !pool.fqdn) return false;
  const expected = requiredPoolFqdn(pool, index)?.fqdn;
  return !!expected && fqdnKey(expected.value) !== fqdnKey(pool.fqdn.value);
}

export const sharedPoolFqdn: Rule = {
  id: 'PC008',
  title: "Two pools share an FQDN, or a Persistent Chat pool has a Front End server's FQDN",
  defaultSeverity: 'error',
  sources: [PAGES.addPersistentChat],
  quote: 'You must define the pool’s fully qualified domain name (FQDN), and indicate whether the pool will be a single-server pool or multiple-server pool deployment.',
  inference: "That no two pools share an FQDN is our inference: a pool's FQDN is its name in DNS, and Topology Builder refuses one name for two pools.",
  inTopologyBuilder:
    "Right-click one of the pools, click Edit Properties and give it an FQDN of its own under General (a Standard Edition server's FQDN cannot be changed, so change the other pool's), then publish the topology.",
  check(context) {
    const { topology, index, report } = context;
    const reported = new Set<PersistentChatPool>();
    for (const [key, pools] of index.poolsByFqdn) {
      const candidates = pools.filter((pool) => !misnamed(context, pool));
      candidates.forEach((pool, i) => {
        // Where the FQDN is a computer of both pools, the computer is in two pools (PC006) or Persistent Chat runs on a Standard Edition server.
        const first = candidates.slice(0, i).find((other) => !(isComputerOf(pool, key) && isComputerOf(other, key)) && !installedOnFrontEnd(pool, other));
        if (!first?.fqdn || !pool.fqdn) return;
        if (pool.kind === 'persistentChatPool') reported.add(pool);
        report({
          span: pool.fqdn.span,
          message: `'${pool.fqdn.value}' is the FQDN of ${label(first)} and of ${label(pool)}; each pool needs an FQDN of its own, its name in DNS.`,
          related: [{ span: first.fqdn.span, message: `FQDN of ${label(first)}` }],
        });
      });
    }
    for (const pool of topology.persistentChatPools) {
      const frontEnd = pool.fqdn && index.enterpriseServers.get(fqdnKey(pool.fqdn.value));
      // A pool on the Front End server it is named after is PC101's.
      if (!pool.fqdn || !frontEnd || reported.has(pool) || misnamed(context, pool) || isComputerOf(pool, fqdnKey(pool.fqdn.value))) continue;
      report({
        span: pool.fqdn.span,
        message: `${label(pool)} has FQDN '${pool.fqdn.value}', a Front End server of Enterprise Edition pool '${frontEnd.pool.id.value}'; a pool needs an FQDN of its own, its name in DNS.`,
        related: [{ span: frontEnd.server.span, message: `Front End server of ${label(frontEnd.pool)}` }],
      });
    }
  },
};
