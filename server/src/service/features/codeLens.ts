import type { TopologyAnalysis } from '../languageService';
import { activeServers, poolCapacity, standbyServers } from '../model/poolFacts';
import { count } from '../rules/wording';
import type { Range } from '../types';

export interface PoolLens {
  range: Range;
  poolId: string;
  /** "4 active · 2 standby · 72,000 of 80,000 concurrent users (90%)". */
  summary: string;
}

/** One summary above each Persistent Chat pool. */
export function poolLenses(analysis: TopologyAnalysis): PoolLens[] {
  return analysis.topology.persistentChatPools.map((pool) => {
    const capacity = poolCapacity(pool);
    const planned = pool.concurrentUsers?.value;
    const usage =
      planned === undefined
        ? `capacity ${count(capacity)} concurrent users`
        : `${count(planned)} of ${count(capacity)} concurrent users (${capacity ? `${Math.round((planned / capacity) * 100)}%` : 'no active server'})`;
    const start = analysis.document.positionAt(pool.span.start);
    return {
      range: { start, end: start },
      poolId: pool.id.value,
      summary: `${activeServers(pool).length} active · ${standbyServers(pool).length} standby · ${usage}`,
    };
  });
}
