import { instanceKey } from '../model/topologyIndex';
import type { SqlStore } from '../model/model';
import type { Fix, Rule, RuleContext } from './rule';
import { label } from './wording';

const MAX_SUGGESTIONS = 3;

/** Stores that could take the Persistent Chat database instead: no back end on their computer, no other Persistent Chat database in their instance. */
function betterStores(context: RuleContext): SqlStore[] {
  const { index, topology } = context;
  return topology.sqlStores.filter(
    (store) =>
      store.fqdn &&
      instanceKey(store) &&
      store.edition?.value !== 'express' &&
      store.alwaysOn?.value !== true &&
      index.byId.get(store.id.value)?.length === 1 &&
      !index.databasesOnComputer(store.fqdn.value).some((db) => db.kind === 'backEnd') &&
      !index.databasesOnInstance(store).some((db) => db.kind === 'persistentChat'),
  );
}

export const persistentChatWithBackEnd: Rule = {
  id: 'PC105',
  title: 'The Persistent Chat database shares a SQL Server computer with a back-end database',
  defaultSeverity: 'warning',
  source: 'Seed (Gg398500), Supported Collocation',
  quote:
    'If you are storing the messages of more than a few users, the disk space needed by the Persistent Chat database can grow very large. For this reason, we do not recommend collocating the Persistent Chat database with the back-end database.',
  check(context) {
    let candidates: SqlStore[] | undefined;
    for (const db of context.index.databases) {
      if (db.kind !== 'persistentChat' || db.role !== 'store' || !db.store.fqdn || db.store.edition?.value === 'express') continue;
      const backEnds = context.index.databasesOnComputer(db.store.fqdn.value).filter((other) => other.kind === 'backEnd');
      if (backEnds.length === 0) continue;
      candidates ??= betterStores(context);
      const fixes: Fix[] = candidates
        .filter((store) => store !== db.store)
        .slice(0, MAX_SUGGESTIONS)
        .map((store, i) => ({ title: `Move the Persistent Chat database to SQL store '${store.id.value}' (${store.fqdn!.value})`, edits: [context.edits.setScalar(db.ref.span, store.id.value)], preferred: i === 0 }));
      context.report({
        span: db.ref.span,
        message: `The Persistent Chat database of ${label(db.owner)} is on SQL Server '${db.store.fqdn.value}', which also holds the back-end database of ${backEnds.map((b) => label(b.owner)).join(' and ')}; Microsoft does not recommend this, as the Persistent Chat database can grow very large.`,
        related: backEnds.map((b) => ({ span: b.ref.span, message: `Back-end database of ${label(b.owner)}, on ${label(b.store)}` })),
        fixes,
      });
    }
  },
};

