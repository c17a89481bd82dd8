import type { Node, YAMLSeq } from 'yaml';
import { fqdnKey } from '../model/topologyIndex';
import type { Entity, Field } from '../model/model';
import type { Fix, Rule, RuleContext } from './rule';
import { label } from './wording';

interface Membership {
  pool: Entity;
  fqdn: Field<string>;
  /** The list and the item's place in it, when the computer is a list item that can be removed. */
  list?: Node;
  index?: number;
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
    const fixes: Fix[] =
      member.list && member.index !== undefined && ((member.list as YAMLSeq).items?.length ?? 0) > 1
        ? [{ title: `Remove the repeated '${member.fqdn.value}'`, edits: context.edits.removeItems(member.list, [member.index]), preferred: true }]
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
  check(context) {
    const frontEnd: Membership[] = [];
    for (const pool of context.topology.frontEndPools) {
      if (pool.edition?.value === 'standard' && pool.fqdn) frontEnd.push({ pool, fqdn: pool.fqdn });
      if (pool.edition?.value !== 'enterprise') continue;
      const list = pool.serversKey?.node as YAMLSeq | undefined;
      for (const fqdn of pool.servers) frontEnd.push({ pool, fqdn, list, index: list?.items.indexOf(fqdn.node as never) });
    }
    reportRepeats(context, 'Front End pool', frontEnd);
    const persistentChat: Membership[] = [];
    for (const pool of context.topology.persistentChatPools) {
      for (const server of pool.servers) {
        if (server.fqdn) persistentChat.push({ pool, fqdn: server.fqdn, list: pool.serversKey?.node, index: server.path[server.path.length - 1] as number });
      }
    }
    reportRepeats(context, 'Persistent Chat pool', persistentChat);
  },
};
