import { fqdnKey } from '../model/topologyIndex';
import type { Entity, Field, PathSegment } from '../model/model';
import type { Span } from '../types';
import type { Fix, Rule, RuleContext } from './rule';
import { label } from './wording';

interface Membership {
  pool: Entity;
  fqdn: Field<string>;
  /** The list and the item, when the computer is an item of a list that holds others too. */
  item?: { list: PathSegment[]; span: Span };
}

function reportRepeats(context: RuleContext, kindNoun: string, memberships: Membership[]): void {
  const seen = new Map<string, Membership>();
  for (const member of memberships) {
    const key = fqdnKey(member.fqdn.value);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, member);
      continue;
    }
    const samePool = first.pool === member.pool;
    const fixes: Fix[] = member.item
      ? [{ title: `Remove the repeated '${member.fqdn.value}'`, edits: context.edits.removeItems(member.item.list, [member.item.span]), preferred: true }]
      : [];
    context.report({
      span: member.fqdn.span,
      message: samePool
        ? `'${member.fqdn.value}' is listed twice in ${label(member.pool)}.`
        : `'${member.fqdn.value}' is in ${label(first.pool)} and in ${label(member.pool)}; a computer belongs to one ${kindNoun} only.`,
      related: [{ span: first.fqdn.span, message: `First listed in ${label(first.pool)}` }],
      fixes,
    });
  }
}

export const repeatedComputer: Rule = {
  id: 'PC006',
  title: 'A computer is listed in two pools of the same kind, or twice in one pool',
  defaultSeverity: 'error',
  sources: [],
  inference: "This rule is ours, not Microsoft's: one computer is one server of a kind, so listing it in two pools of that kind, or twice in one pool, is a mistake in the descriptor.",
  inTopologyBuilder:
    'Delete the computer from one of the two pools, or its second entry from the pool, so that each computer belongs to one pool only, then publish the topology.',
  check(context) {
    const frontEnd: Membership[] = [];
    for (const pool of context.topology.frontEndPools) {
      if (pool.edition?.value === 'standard' && pool.fqdn) frontEnd.push({ pool, fqdn: pool.fqdn });
      if (pool.edition?.value !== 'enterprise') continue;
      const list = [...pool.path, 'servers'];
      for (const fqdn of pool.servers) frontEnd.push({ pool, fqdn, item: pool.servers.length > 1 ? { list, span: fqdn.span } : undefined });
    }
    reportRepeats(context, 'Front End pool', frontEnd);
    const persistentChat: Membership[] = [];
    for (const pool of context.topology.persistentChatPools) {
      for (const server of pool.servers) {
        if (server.fqdn) persistentChat.push({ pool, fqdn: server.fqdn, item: pool.servers.length > 1 ? { list: [...pool.path, 'servers'], span: server.span } : undefined });
      }
    }
    reportRepeats(context, 'Persistent Chat pool', persistentChat);
  },
};
