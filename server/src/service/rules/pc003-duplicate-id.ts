import { instanceKey } from '../model/topologyIndex';
import type { SqlStore } from '../model/model';
import type { Rule } from './rule';
import { KIND_NOUNS, label } from './wording';

export const duplicateId: Rule = {
  id: 'PC003',
  title: 'An id or a SQL Server instance is defined twice',
  defaultSeverity: 'error',
  sources: [],
  inference: "This rule is ours, not Microsoft's: every entity is referred to by its id and every SQL Server instance is one place for databases, so naming either twice makes the topology ambiguous.",
  inTopologyBuilder:
    'Keep one SQL store for each SQL Server instance: right-click each pool that uses the duplicate, click Edit Properties and select the other store under Associations, delete the duplicate, then publish the topology.',
  check({ index, topology, report }) {
    for (const [id, entities] of index.byId) {
      const [first, ...again] = entities;
      for (const entity of again) {
        report({
          span: entity.id.span,
          message:
            first.kind === entity.kind
              ? `Two ${KIND_NOUNS[entity.kind]}s have the id '${id}'; ids must be unique across the whole file.`
              : `The ${label(entity)} has the same id as ${label(first)}; ids must be unique across the whole file.`,
          related: [{ span: first.id.span, message: `First use of '${id}'` }],
        });
      }
    }
    const firstByInstance = new Map<string, SqlStore>();
    for (const store of topology.sqlStores) {
      const key = instanceKey(store);
      if (!key) continue;
      const first = firstByInstance.get(key);
      if (!first) {
        firstByInstance.set(key, store);
        continue;
      }
      const instance = store.instance?.value ?? 'the default instance';
      report({
        span: (store.instance ?? store.fqdn)!.span,
        message: `${label(store)} names the same SQL Server instance as ${label(first)} (${store.fqdn!.value}, ${instance}); define each instance once and reference it by id.`,
        related: [{ span: first.id.span, message: `${label(first)} already names this instance` }],
      });
    }
  },
};
