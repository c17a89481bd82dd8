import type { Field, PersistentChatPool } from '../model/model';
import type { RuleContext } from './rule';
import { count, label } from './wording';

/** Reports once when the pools' figures together exceed a deployment-wide limit. */
export function reportDeploymentTotal(
  { topology, report }: RuleContext,
  figure: (pool: PersistentChatPool) => Field<number> | undefined,
  limit: number,
  what: string,
  applies: (figures: Field<number>[]) => boolean = () => true,
): void {
  const planned = topology.persistentChatPools.flatMap((pool) => {
    const field = figure(pool);
    return field ? [{ pool, field }] : [];
  });
  const total = planned.reduce((sum, p) => sum + p.field.value, 0);
  if (total <= limit || !applies(planned.map((p) => p.field))) return;
  const last = planned[planned.length - 1];
  const shares = planned.map((p) => `'${p.pool.id.value}' (${count(p.field.value)})`);
  const who = planned.length === 1 ? `Persistent Chat pool '${last.pool.id.value}' plans` : `Persistent Chat pools ${shares.slice(0, -1).join(', ')} and ${shares[shares.length - 1]} together plan`;
  report({
    span: last.field.span,
    message: `${who} ${count(total)} ${what}; a Lync Server 2013 deployment supports at most ${count(limit)}${planned.length > 1 ? ', and more pools add no capacity' : ''}.`,
    related: planned.slice(0, -1).map((p) => ({ span: p.field.span, message: `${count(p.field.value)} in ${label(p.pool)}` })),
  });
}
