import { nodeAtPath } from '../parse/yamlNodes';
import { instanceKey, type DatabaseKind, type HostedDatabase } from '../model/topologyIndex';
import type { Entity } from '../model/model';
import type { Fix, RuleContext } from './rule';
import { label, ROLE_NOUNS } from './wording';

/** Moves a database to a new instance on the same SQL Server computer: a new store, and the reference pointed at it. */
function moveToNewInstanceFix(context: RuleContext, db: HostedDatabase): Fix | undefined {
  const { store } = db;
  const { node: storeList } = nodeAtPath(context.parsed.yaml, ['sqlStores']);
  if (!store.fqdn || !storeList) return undefined;
  const base = (store.instance?.value ?? 'LYNC').replace(/\d+$/, '').slice(0, 14);
  const taken = new Set(context.topology.sqlStores.map(instanceKey));
  let instance = base;
  for (let n = 2; taken.has(`${store.fqdn.value.toLowerCase()}\\${instance.toLowerCase()}`); n++) instance = `${base}${n}`;
  const id = context.index.unusedId(store.id.value);
  const newStore: Record<string, string> = { id, fqdn: store.fqdn.value, instance };
  if (store.edition) newStore.edition = store.edition.value;
  if (store.site) newStore.site = store.site.value;
  if (store.dataCenter) newStore.dataCenter = store.dataCenter.value;
  return {
    title: `Move it to a new instance '${instance}' on ${store.fqdn.value} (adds SQL store '${id}')`,
    edits: [context.edits.setScalar(db.ref.span, id), context.edits.appendItem(storeList, newStore)],
    preferred: true,
  };
}

const copyOf = (db: HostedDatabase) => (db.role === 'store' ? '' : `${ROLE_NOUNS[db.role]} of the `);

/** Reports every pool after the first whose database of `kind` shares a SQL Server instance with another pool's. */
export function reportSharedInstances(context: RuleContext, kind: DatabaseKind, noun: string): void {
  const firstOwner = new Map<string, { owner: Entity; db: HostedDatabase }>();
  const reported = new Set<string>();
  for (const db of context.index.databases) {
    const key = db.kind === kind ? instanceKey(db.store) : undefined;
    if (!key) continue;
    const first = firstOwner.get(key);
    if (!first) {
      firstOwner.set(key, { owner: db.owner, db });
      continue;
    }
    const pairKey = `${key}|${db.owner.id.value}`;
    if (first.owner === db.owner || reported.has(pairKey)) continue;
    reported.add(pairKey);
    const fix = moveToNewInstanceFix(context, db);
    context.report({
      span: db.ref.span,
      message: `The ${copyOf(db)}${noun} of ${label(db.owner)} is on ${label(db.store)}, the same SQL Server instance that holds the ${copyOf(first.db)}${noun} of ${label(first.owner)}; an instance can hold only one ${noun}.`,
      related: [{ span: first.db.ref.span, message: `The ${noun} of ${label(first.owner)}` }],
      fixes: fix ? [fix] : [],
    });
  }
}
