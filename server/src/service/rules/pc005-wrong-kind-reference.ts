import type { EntityKind } from '../model/model';
import { replaceWithIds } from './pc004-unknown-reference';
import type { Rule } from './rule';
import { KIND_NOUNS, label } from './wording';

const WHAT_FITS: Partial<Record<EntityKind, string>> = {
  frontEndPool: 'a Front End pool (an Enterprise Edition pool or a Standard Edition server)',
  sqlStore: 'a SQL store',
};

export const wrongKindReference: Rule = {
  id: 'PC005',
  title: 'A reference names an entity of the wrong kind',
  defaultSeverity: 'error',
  source: 'lync-server-2013-add-persistent-chat-server-to-the-topology.md',
  quote: 'A next hop is an Enterprise Edition pool or a Standard Edition server.',
  check(context) {
    for (const ref of context.topology.references) {
      const named = context.index.byId.get(ref.field.value);
      if (!named || named.some((e) => e.kind === ref.expected)) continue;
      const [target] = named;
      context.report({
        span: ref.field.span,
        message: `'${ref.key}' of ${label(ref.owner)} names ${label(target)}; it must name ${WHAT_FITS[ref.expected] ?? `a ${KIND_NOUNS[ref.expected]}`}.`,
        related: [{ span: target.id.span, message: `${label(target)} is defined here` }],
        fixes: replaceWithIds(context, ref.field.span, ref.field.value, ref.expected),
      });
    }
  },
};
