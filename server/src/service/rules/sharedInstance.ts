import { instanceKey, type DatabaseKind, type HostedDatabase } from '../model/topologyIndex';
import type { SqlStore } from '../model/model';
import type { Fix, RuleContext } from './rule';
import { ROLE_NOUNS } from './wording';

const MAX_MOVES = 3;

export const DATABASE_NOUNS: Record<DatabaseKind, string> = {
  backEnd: 'back-end database',
  persistentChat: 'Persistent Chat database',
  compliance: 'compliance database',
};

/** What comes before a database's noun to name this copy of it: nothing for the primary, "mirror of the " for a mirror. */
export const copyOf = (db: HostedDatabase): string => (db.role === 'store' ? '' : `${ROLE_NOUNS[db.role]} of the `);

/** Where `db` stands next to `other`, on the same SQL Server computer. */
export const instanceRelation = (db: HostedDatabase, other: HostedDatabase): string =>
  instanceKey(db.store) === instanceKey(other.store) ? 'in the same instance' : 'in another instance';

/** A database in a place that already holds a database of the same kind of an earlier pool. */
export interface SharedPlace {
  db: HostedDatabase;
  first: HostedDatabase;
}

/**
 * Every database of `kind` whose place (`placeOf` its store: an instance or a computer) already holds one of an
 * earlier pool, with that pool's; once for each pool and place.
 */
export function laterPoolsSharing(context: RuleContext, kind: DatabaseKind, placeOf: (store: SqlStore) => string | undefined): SharedPlace[] {
  const firstIn = new Map<string, HostedDatabase>();
  const reported = new Set<string>();
  const shared: SharedPlace[] = [];
  for (const db of context.index.databases) {
    const place = db.kind === kind ? placeOf(db.store) : undefined;
    if (!place) continue;
    const first = firstIn.get(place);
    if (!first) {
      firstIn.set(place, db);
      continue;
    }
    const poolInPlace = `${place}|${db.owner.id.value}`;
    if (first.owner === db.owner || reported.has(poolInPlace)) continue;
    reported.add(poolInPlace);
    shared.push({ db, first });
  }
  return shared;
}

/**
 * Existing stores `db` could move to without a new fault: a full SQL Server (not Express, not AlwaysOn) defined once,
 * in the data center of the store it leaves, on a computer that holds no back-end database and no database of its kind.
 */
function storesToMoveTo({ topology, index }: RuleContext, db: HostedDatabase): SqlStore[] {
  const dataCenter = (store: SqlStore) => store.dataCenter?.value.toLowerCase();
  return topology.sqlStores.filter(
    (store) =>
      store.fqdn &&
      store.edition?.value !== 'express' &&
      store.alwaysOn?.value !== true &&
      index.byId.get(store.id.value)?.length === 1 &&
      dataCenter(store) === dataCenter(db.store) &&
      !index.databasesOnComputer(store.fqdn.value).some((other) => other.kind === 'backEnd' || other.kind === db.kind),
  );
}

/** Quick fixes pointing `db`'s reference at the first few stores it could move to, the first preferred. */
export function moveFixes(context: RuleContext, db: HostedDatabase): Fix[] {
  return storesToMoveTo(context, db)
    .slice(0, MAX_MOVES)
    .map((store, i) => ({
      title: `Move the ${copyOf(db)}${DATABASE_NOUNS[db.kind]} to SQL store '${store.id.value}' (${store.fqdn!.value})`,
      edits: [context.edits.setScalar(db.ref.span, store.id.value)],
      preferred: i === 0,
    }));
}
