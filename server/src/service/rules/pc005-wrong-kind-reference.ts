import type { EntityKind } from '../model/model';
import { replaceWithIds } from './pc004-unknown-reference';
import type { Rule } from './rule';
import { PAGES } from './sources';
import { KIND_NOUNS, label } from './wording';

const WHAT_FITS: Partial<Record<EntityKind, string>> = {
  frontEndPool: 'a Front End pool (an Enterprise Edition pool or a Standard Edition server)',
  sqlStore: 'a SQL store',
};

export const wrongKindReference: Rule = {
  id: 'PC005',
  title: 'A reference names an entity of the wrong kind',
  defaultSeverity: 'error',
  sources: [PAGES.addPersistentChat, PAGES.componentsAndTopologies],
  quote: 'Select the Front End Server pool to be used as a next hop for this Persistent Chat Server pool.',
  inference:
    'That each of the other references (`site`, `backEnd`, `fileStore`, `store`, `mirror`, `backup`, `backupMirror`) names an entity of its own kind is our rule, following from what each key means.',
  inTopologyBuilder:
    'Right-click the pool, click Edit Properties and select a component of the right kind (a Front End pool or Standard Edition server as Next Hop Pool under General, a SQL Server store or file store under Associations), then publish the topology.',
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
