import { closest, distance } from 'fastest-levenshtein';
import type { EntityKind } from '../model/model';
import type { Fix, Rule, RuleContext } from './rule';
import { KIND_NOUNS, label } from './wording';

const MAX_SUGGESTIONS = 3;

/** Quick fixes that point a reference at existing ids of the right kind, closest spelling first. */
export function replaceWithIds(context: RuleContext, span: { start: number; end: number }, typed: string, kind: EntityKind): Fix[] {
  const ids = [...context.index.byId.values()].map((list) => list[0]).filter((e) => e.kind === kind).map((e) => e.id.value);
  const ranked = ids.sort((a, b) => distance(typed, a) - distance(typed, b) || a.localeCompare(b)).slice(0, MAX_SUGGESTIONS);
  return ranked.map((id, i) => ({ title: `Change to '${id}'`, edits: [context.edits.setScalar(span, id)], preferred: i === 0 && id === closest(typed, ids) }));
}

export const unknownReference: Rule = {
  id: 'PC004',
  title: 'A reference names no entity',
  defaultSeverity: 'error',
  sources: [],
  inference: "This rule is ours, not Microsoft's: a reference must name an entity defined in the file, or the topology it describes is incomplete.",
  inTopologyBuilder:
    'Right-click the pool, click Edit Properties and select again, under Associations (or as Next Hop Pool under General), one of the stores or pools the topology defines, then publish the topology.',
  check(context) {
    for (const ref of context.topology.references) {
      if (context.index.entity(ref.field.value)) continue;
      context.report({
        span: ref.field.span,
        message: `'${ref.key}' of ${label(ref.owner)} names '${ref.field.value}', but no ${KIND_NOUNS[ref.expected]} has that id.`,
        fixes: replaceWithIds(context, ref.field.span, ref.field.value, ref.expected),
      });
    }
  },
};
