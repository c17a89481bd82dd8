import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyName, pathToPointer, resolveNode, spanOf } from '../parse/yamlNodes';
import type {
  AdminConsole,
  DatabasePlacement,
  Entity,
  EntityKind,
  Field,
  FileStore,
  PathSegment,
  FrontEndPool,
  PersistentChatPool,
  PersistentChatServer,
  Reference,
  Site,
  SqlStore,
  Topology,
} from './model';

const SQL_EDITIONS = ['enterprise', 'standard', 'express'] as const;
const FRONT_END_EDITIONS = ['enterprise', 'standard'] as const;
const DEPLOYMENTS = ['single-server', 'multiple-server'] as const;
const SERVER_STATES = ['active', 'standby'] as const;

type ScalarType = 'string' | 'number' | 'boolean';
interface ScalarOf {
  string: string;
  number: number;
  boolean: boolean;
}

/** Reads one map of the descriptor, skipping what the schema rejected. */
class MapReader {
  readonly faultedKeys = new Set<string>();
  private readonly pairs = new Map<string, Pair>();

  constructor(
    private readonly builder: ModelBuilder,
    readonly map: YAMLMap,
    readonly path: PathSegment[],
  ) {
    for (const pair of map.items) {
      const key = keyName(pair);
      if (key !== undefined && !this.pairs.has(key)) this.pairs.set(key, pair);
    }
  }

  /** The value of `key` as a field, and the YAML node it was read from. */
  private entry(key: string): { field: Field<unknown>; node: Node | undefined } | undefined {
    if (this.builder.isFaulted(this.path, key)) {
      this.faultedKeys.add(key);
      return undefined;
    }
    const pair = this.pairs.get(key);
    if (!pair) return undefined;
    const written = (pair.value ?? undefined) as Node | undefined;
    const node = resolveNode(this.builder.doc, written);
    const value = isScalar(node) ? node.value : node;
    const text = this.builder.text;
    return { field: { value, span: spanOf(written, text), keySpan: spanOf(pair.key as Node, text) }, node };
  }

  /** A scalar value of the type the schema asks for; any other value is faulted, so no rule reads it. */
  scalar<T extends ScalarType>(key: string, type: T): Field<ScalarOf[T]> | undefined {
    const entry = this.entry(key);
    if (!entry) return undefined;
    if (!isScalar(entry.node) || typeof entry.field.value !== type) {
      this.faultedKeys.add(key);
      return undefined;
    }
    return entry.field as Field<ScalarOf[T]>;
  }

  /** A string that must be one of `values`; any other value is faulted. */
  choice<T extends string>(key: string, values: readonly T[]): Field<T> | undefined {
    const field = this.scalar(key, 'string');
    if (field && !(values as readonly string[]).includes(field.value)) {
      this.faultedKeys.add(key);
      return undefined;
    }
    return field as Field<T> | undefined;
  }

  /** A nested map and its reader. */
  child(key: string): { reader: MapReader; field: Field<unknown> } | undefined {
    const entry = this.entry(key);
    if (!entry || !isMap(entry.node)) return undefined;
    return { reader: new MapReader(this.builder, entry.node, [...this.path, key]), field: entry.field };
  }

  /** The items of a nested list, each with its path, leaving out those the schema rejected (the key is then faulted). */
  list(key: string): { field: Field<unknown>; items: { node: Node; path: PathSegment[] }[] } | undefined {
    const entry = this.entry(key);
    if (!entry || !isSeq(entry.node)) return undefined;
    const items = entry.node.items.map((item, index) => ({
      node: resolveNode(this.builder.doc, item) as Node,
      path: [...this.path, key, index],
    }));
    const readable = items.filter((item) => !this.builder.isFaulted(item.path));
    if (readable.length < items.length) this.faultedKeys.add(key);
    return { field: entry.field, items: readable };
  }

  located() {
    return {
      span: spanOf(this.map, this.builder.text),
      path: this.path,
      faulted: this.faultedKeys,
    };
  }
}

class ModelBuilder {
  readonly references: Reference[] = [];

  constructor(
    readonly doc: Document,
    readonly text: string,
    readonly faulted: ReadonlySet<string>,
  ) {}

  /** Whether the schema rejected the value at `path` (and `key`); a valid file skips building the pointer. */
  isFaulted(path: PathSegment[], key?: string): boolean {
    if (this.faulted.size === 0) return false;
    return this.faulted.has(pathToPointer(key === undefined ? path : [...path, key]));
  }

  private reference(owner: Entity, field: Field<string> | undefined, key: string, expected: EntityKind): void {
    if (field) this.references.push({ field, key, expected, owner });
  }

  /** Entities of one section; an item without a readable id is left out (the schema reported it). */
  private section<T>(root: MapReader, key: string, read: (reader: MapReader) => T | undefined): T[] {
    const list = root.list(key);
    if (!list) return [];
    const result: T[] = [];
    for (const item of list.items) {
      if (!isMap(item.node)) continue;
      const entity = read(new MapReader(this, item.node, item.path));
      if (entity) result.push(entity);
    }
    return result;
  }

  build(): Topology {
    const contents = resolveNode(this.doc, this.doc.contents);
    const root = isMap(contents) ? new MapReader(this, contents, []) : undefined;
    if (!root) return emptyTopology(this.faulted);
    const topology: Topology = {
      name: root.scalar('topology', 'string'),
      domain: root.scalar('domain', 'string'),
      globalCatalog: root.scalar('globalCatalog', 'string'),
      sites: this.section(root, 'sites', (r) => this.site(r)),
      sqlStores: this.section(root, 'sqlStores', (r) => this.sqlStore(r)),
      fileStores: this.section(root, 'fileStores', (r) => this.fileStore(r)),
      frontEndPools: this.section(root, 'frontEndPools', (r) => this.frontEndPool(r)),
      persistentChatPools: this.section(root, 'persistentChatPools', (r) => this.persistentChatPool(r)),
      adminConsolesKey: root.list('adminConsoles')?.field,
      adminConsoles: this.section(root, 'adminConsoles', (r): AdminConsole => ({ ...r.located(), fqdn: r.scalar('fqdn', 'string') })),
      references: this.references,
      faulted: this.faulted,
      withheld: [],
    };
    return topology;
  }

  private site(r: MapReader): Site | undefined {
    const id = r.scalar('id', 'string');
    return id && { kind: 'site', ...r.located(), id, name: r.scalar('name', 'string') };
  }

  private sqlStore(r: MapReader): SqlStore | undefined {
    const id = r.scalar('id', 'string');
    if (!id) return undefined;
    const store: SqlStore = {
      kind: 'sqlStore',
      ...r.located(),
      id,
      fqdn: r.scalar('fqdn', 'string'),
      instance: r.scalar('instance', 'string'),
      edition: r.choice('edition', SQL_EDITIONS),
      site: r.scalar('site', 'string'),
      dataCenter: r.scalar('dataCenter', 'string'),
      alwaysOn: r.scalar('alwaysOn', 'boolean'),
    };
    this.reference(store, store.site, 'site', 'site');
    return store;
  }

  private fileStore(r: MapReader): FileStore | undefined {
    const id = r.scalar('id', 'string');
    if (!id) return undefined;
    const store: FileStore = { kind: 'fileStore', ...r.located(), id, fqdn: r.scalar('fqdn', 'string'), share: r.scalar('share', 'string'), site: r.scalar('site', 'string') };
    this.reference(store, store.site, 'site', 'site');
    return store;
  }

  private frontEndPool(r: MapReader): FrontEndPool | undefined {
    const id = r.scalar('id', 'string');
    if (!id) return undefined;
    const servers = r.list('servers');
    const pool: FrontEndPool = {
      kind: 'frontEndPool',
      ...r.located(),
      id,
      edition: r.choice('edition', FRONT_END_EDITIONS),
      fqdn: r.scalar('fqdn', 'string'),
      site: r.scalar('site', 'string'),
      serversKey: servers?.field,
      servers: (servers?.items ?? []).flatMap((item) => this.scalarItem(item)),
      backEnd: r.scalar('backEnd', 'string'),
      fileStore: r.scalar('fileStore', 'string'),
      timeZone: r.scalar('timeZone', 'string'),
    };
    this.reference(pool, pool.site, 'site', 'site');
    this.reference(pool, pool.backEnd, 'backEnd', 'sqlStore');
    this.reference(pool, pool.fileStore, 'fileStore', 'fileStore');
    return pool;
  }

  private scalarItem(item: { node: Node; path: PathSegment[] }): Field<string>[] {
    if (!isScalar(item.node)) return [];
    const span = spanOf(item.node, this.text);
    return [{ value: String(item.node.value), span, keySpan: span }];
  }

  /** A `database` or `compliance` map, and the reader for its other keys. */
  private placement(owner: PersistentChatPool, parent: MapReader, key: string): { placement: DatabasePlacement; reader: MapReader } | undefined {
    const child = parent.child(key);
    if (!child) return undefined;
    const r = child.reader;
    const placement: DatabasePlacement = {
      ...r.located(),
      keySpan: child.field.keySpan,
      store: r.scalar('store', 'string'),
      mirror: r.scalar('mirror', 'string'),
      backup: r.scalar('backup', 'string'),
      backupMirror: r.scalar('backupMirror', 'string'),
    };
    for (const role of ['store', 'mirror', 'backup', 'backupMirror'] as const) {
      this.reference(owner, placement[role], role, 'sqlStore');
    }
    return { placement, reader: r };
  }

  private persistentChatPool(r: MapReader): PersistentChatPool | undefined {
    const id = r.scalar('id', 'string');
    if (!id) return undefined;
    const servers = r.list('servers');
    const pool: PersistentChatPool = {
      kind: 'persistentChatPool',
      ...r.located(),
      id,
      fqdn: r.scalar('fqdn', 'string'),
      site: r.scalar('site', 'string'),
      deployment: r.choice('deployment', DEPLOYMENTS),
      nextHop: r.scalar('nextHop', 'string'),
      sipPort: r.scalar('sipPort', 'number'),
      poolPort: r.scalar('poolPort', 'number'),
      concurrentUsers: r.scalar('concurrentUsers', 'number'),
      provisionedUsers: r.scalar('provisionedUsers', 'number'),
      accessControlEntries: r.scalar('accessControlEntries', 'number'),
      invitations: r.scalar('invitations', 'number'),
      timeZone: r.scalar('timeZone', 'string'),
      serversKey: servers?.field,
      servers: [],
      fileStore: r.scalar('fileStore', 'string'),
    };
    pool.servers = (servers?.items ?? []).flatMap((item): PersistentChatServer[] => {
      if (!isMap(item.node)) return [];
      const s = new MapReader(this, item.node, item.path);
      return [{ ...s.located(), fqdn: s.scalar('fqdn', 'string'), state: s.choice('state', SERVER_STATES), dataCenter: s.scalar('dataCenter', 'string'), timeZone: s.scalar('timeZone', 'string') }];
    });
    pool.database = this.placement(pool, r, 'database')?.placement;
    const compliance = this.placement(pool, r, 'compliance');
    pool.compliance = compliance && { ...compliance.placement, enabled: compliance.reader.scalar('enabled', 'boolean') };
    this.reference(pool, pool.site, 'site', 'site');
    this.reference(pool, pool.nextHop, 'nextHop', 'frontEndPool');
    this.reference(pool, pool.fileStore, 'fileStore', 'fileStore');
    return pool;
  }
}

function emptyTopology(faulted: ReadonlySet<string>): Topology {
  return { sites: [], sqlStores: [], fileStores: [], frontEndPools: [], persistentChatPools: [], adminConsoles: [], references: [], faulted, withheld: [] };
}

/** The model of a document; an empty one when the YAML itself is broken, since rules must not judge a guess. */
export function buildModel(doc: Document, text: string, faulted: ReadonlySet<string>, readable: boolean): Topology {
  return readable ? new ModelBuilder(doc, text, faulted).build() : emptyTopology(faulted);
}
