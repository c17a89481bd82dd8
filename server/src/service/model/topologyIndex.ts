import type { Entity, EntityKind, EntityOfKind, Field, FrontEndPool, PersistentChatPool, ProtectionRole, SqlStore, Topology } from './model';

export type DatabaseKind = 'backEnd' | 'persistentChat' | 'compliance';

/** One database (or a copy of it) placed on a SQL store. */
export interface HostedDatabase {
  kind: DatabaseKind;
  /** 'store' is the primary copy. */
  role: ProtectionRole;
  store: SqlStore;
  owner: FrontEndPool | PersistentChatPool;
  ref: Field<string>;
}

export type Pool = FrontEndPool | PersistentChatPool;

export const fqdnKey = (fqdn: string): string => fqdn.toLowerCase();

/** The SQL Server instance a store names: computer and instance, case-insensitive. */
export const instanceKey = (store: SqlStore): string | undefined =>
  store.fqdn && !store.faulted.has('instance') ? `${fqdnKey(store.fqdn.value)}\\${(store.instance?.value ?? 'MSSQLSERVER').toLowerCase()}` : undefined;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Lookups every rule needs, built once per run so that no rule scans the topology for each entity. */
export class TopologyIndex {
  /** Every entity under each id, in file order, withheld ones too. */
  readonly byId = new Map<string, Entity[]>();
  /** Enterprise Edition Front End servers by FQDN. */
  readonly enterpriseServers = new Map<string, { pool: FrontEndPool; server: Field<string> }>();
  /** Standard Edition servers by FQDN. */
  readonly standardEditionServers = new Map<string, FrontEndPool>();
  /** Front End and Persistent Chat pools by pool FQDN, in file order. */
  readonly poolsByFqdn = new Map<string, Pool[]>();
  readonly databases: HostedDatabase[] = [];
  private readonly databasesByInstance = new Map<string, HostedDatabase[]>();
  private readonly databasesByComputer = new Map<string, HostedDatabase[]>();
  private readonly withheld: ReadonlySet<Entity>;
  /** Every FQDN written anywhere, lower case: new names must avoid them. */
  readonly fqdns = new Set<string>();

  constructor(readonly topology: Topology) {
    const declared: Entity[] = [...topology.sites, ...topology.sqlStores, ...topology.fileStores, ...topology.frontEndPools, ...topology.persistentChatPools, ...topology.withheld];
    declared.sort((a, b) => a.span.start - b.span.start);
    for (const entity of declared) push(this.byId, entity.id.value, entity);
    for (const entity of declared) if ('fqdn' in entity && entity.fqdn) this.fqdns.add(fqdnKey(entity.fqdn.value));
    this.withheld = new Set(topology.withheld);
    for (const entity of declared) {
      if ((entity.kind === 'frontEndPool' || entity.kind === 'persistentChatPool') && entity.fqdn && !this.withheld.has(entity)) push(this.poolsByFqdn, fqdnKey(entity.fqdn.value), entity);
    }
    for (const pool of topology.frontEndPools) {
      if (pool.edition?.value === 'enterprise') {
        for (const server of pool.servers) {
          this.fqdns.add(fqdnKey(server.value));
          if (!this.enterpriseServers.has(fqdnKey(server.value))) this.enterpriseServers.set(fqdnKey(server.value), { pool, server });
        }
      } else if (pool.edition?.value === 'standard' && pool.fqdn && !this.standardEditionServers.has(fqdnKey(pool.fqdn.value))) {
        this.standardEditionServers.set(fqdnKey(pool.fqdn.value), pool);
      }
      this.host('backEnd', 'store', pool, pool.backEnd);
    }
    for (const pool of topology.persistentChatPools) {
      for (const server of pool.servers) if (server.fqdn) this.fqdns.add(fqdnKey(server.fqdn.value));
      for (const role of ['store', 'mirror', 'backup', 'backupMirror'] as const) {
        this.host('persistentChat', role, pool, pool.database?.[role]);
        if (pool.compliance?.enabled?.value === true) this.host('compliance', role, pool, pool.compliance[role]);
      }
    }
  }

  private host(kind: DatabaseKind, role: ProtectionRole, owner: FrontEndPool | PersistentChatPool, ref: Field<string> | undefined): void {
    const store = this.resolve(ref, 'sqlStore');
    if (!ref || !store) return;
    const database: HostedDatabase = { kind, role, store, owner, ref };
    this.databases.push(database);
    const instance = instanceKey(store);
    if (instance) push(this.databasesByInstance, instance, database);
    if (store.fqdn) push(this.databasesByComputer, fqdnKey(store.fqdn.value), database);
  }

  /** The first entity an id names, if it exists. */
  entity(id: string): Entity | undefined {
    return this.byId.get(id)?.[0];
  }

  /**
   * The entity of the expected kind a reference names (the first, when the id is defined twice: PC003's), or
   * undefined when there is none or it is withheld from judging.
   */
  resolve<K extends EntityKind>(ref: Field<string> | undefined, kind: K): EntityOfKind[K] | undefined {
    const entity = ref && this.byId.get(ref.value)?.find((e) => e.kind === kind);
    return entity && !this.withheld.has(entity) ? (entity as EntityOfKind[K]) : undefined;
  }

  databasesOnInstance(store: SqlStore): HostedDatabase[] {
    const key = instanceKey(store);
    return (key && this.databasesByInstance.get(key)) || [];
  }

  databasesOnComputer(fqdn: string): HostedDatabase[] {
    return this.databasesByComputer.get(fqdnKey(fqdn)) ?? [];
  }

  /** The Enterprise Edition Front End pool that `fqdn` is a server or the pool FQDN of, and where the pool names it. */
  enterpriseFrontEnd(fqdn: string): { pool: FrontEndPool; name: Field<string> } | undefined {
    const key = fqdnKey(fqdn);
    const server = this.enterpriseServers.get(key);
    if (server) return { pool: server.pool, name: server.server };
    const pool = this.poolsByFqdn.get(key)?.find((p): p is FrontEndPool => p.kind === 'frontEndPool' && p.edition?.value === 'enterprise');
    return pool?.fqdn && { pool, name: pool.fqdn };
  }

  /** The Standard Edition server a Persistent Chat pool runs on, if one of its servers is one. */
  collocatedStandardEdition(pool: PersistentChatPool): FrontEndPool | undefined {
    for (const server of pool.servers) {
      const se = server.fqdn && this.standardEditionServers.get(fqdnKey(server.fqdn.value));
      if (se) return se;
    }
    return undefined;
  }

  /** A new id built from `base` that no entity uses yet. */
  unusedId(base: string): string {
    for (let n = 2; ; n++) if (!this.byId.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** A new computer name `<prefix><n>.<domain>` that no FQDN in the file uses yet. */
  unusedFqdns(prefix: string, domain: string, count: number): string[] {
    const names: string[] = [];
    for (let n = 1; names.length < count; n++) {
      const name = `${prefix}${String(n).padStart(2, '0')}.${domain}`;
      if (!this.fqdns.has(fqdnKey(name))) names.push(name);
    }
    return names;
  }
}
