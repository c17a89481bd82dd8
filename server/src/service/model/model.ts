import type { Span } from '../types';

/** A value of the topology, with where it stands in the text it was read from, whatever its syntax. */
export interface Field<T> {
  value: T;
  span: Span;
  /** The key that names the value; the value's own span where the syntax has no key. */
  keySpan: Span;
}

/** A step into the descriptor's structure: a key of a map or an index of a list. */
export type PathSegment = string | number;

export type EntityKind = 'site' | 'sqlStore' | 'fileStore' | 'frontEndPool' | 'persistentChatPool';

interface Located {
  /** The whole entity in the text. */
  span: Span;
  /** Where the entity stands in the descriptor's structure (`['persistentChatPools', 0, 'servers', 1]`); edits address it by this. */
  path: PathSegment[];
  /** Keys whose values the JSON Schema rejected or that are missing though required: rules must not judge them. */
  faulted: ReadonlySet<string>;
  /** Where a syntax other than the descriptor's found the entity, in that syntax's words (a Topology Builder cluster or service). */
  origin?: string;
}

export interface Site extends Located {
  kind: 'site';
  id: Field<string>;
  name?: Field<string>;
}

export type SqlEdition = 'enterprise' | 'standard' | 'express';

export interface SqlStore extends Located {
  kind: 'sqlStore';
  id: Field<string>;
  fqdn?: Field<string>;
  instance?: Field<string>;
  /** Absent means 'standard'. */
  edition?: Field<SqlEdition>;
  site?: Field<string>;
  dataCenter?: Field<string>;
  alwaysOn?: Field<boolean>;
}

export interface FileStore extends Located {
  kind: 'fileStore';
  id: Field<string>;
  fqdn?: Field<string>;
  share?: Field<string>;
  site?: Field<string>;
}

export interface FrontEndPool extends Located {
  kind: 'frontEndPool';
  id: Field<string>;
  edition?: Field<'enterprise' | 'standard'>;
  fqdn?: Field<string>;
  site?: Field<string>;
  /** The `servers` key itself, when present. */
  serversKey?: Field<unknown>;
  servers: Field<string>[];
  backEnd?: Field<string>;
  fileStore?: Field<string>;
  /** A Windows or IANA time-zone name, as written. */
  timeZone?: Field<string>;
}

export type ServerState = 'active' | 'standby';

export interface PersistentChatServer extends Located {
  fqdn?: Field<string>;
  /** Absent means 'active'. */
  state?: Field<ServerState>;
  dataCenter?: Field<string>;
  /** Overrides the pool's timeZone. */
  timeZone?: Field<string>;
}

export type ProtectionRole = 'store' | 'mirror' | 'backup' | 'backupMirror';

/** Where a database and its copies live: the `database` or `compliance` map of a pool. */
export interface DatabasePlacement extends Located {
  keySpan: Span;
  store?: Field<string>;
  mirror?: Field<string>;
  backup?: Field<string>;
  backupMirror?: Field<string>;
}

export interface Compliance extends DatabasePlacement {
  enabled?: Field<boolean>;
}

export interface PersistentChatPool extends Located {
  kind: 'persistentChatPool';
  id: Field<string>;
  fqdn?: Field<string>;
  site?: Field<string>;
  deployment?: Field<'single-server' | 'multiple-server'>;
  nextHop?: Field<string>;
  sipPort?: Field<number>;
  poolPort?: Field<number>;
  concurrentUsers?: Field<number>;
  provisionedUsers?: Field<number>;
  accessControlEntries?: Field<number>;
  invitations?: Field<number>;
  /** The product version of the Persistent Chat service, where the syntax records one (Topology Builder's ServiceVersion). */
  serviceVersion?: Field<number>;
  /** The servers' time zone where a server names none. */
  timeZone?: Field<string>;
  serversKey?: Field<unknown>;
  servers: PersistentChatServer[];
  database?: DatabasePlacement;
  compliance?: Compliance;
  fileStore?: Field<string>;
}

export interface AdminConsole extends Located {
  fqdn?: Field<string>;
}

export type Entity = Site | SqlStore | FileStore | FrontEndPool | PersistentChatPool;

export interface EntityOfKind {
  site: Site;
  sqlStore: SqlStore;
  fileStore: FileStore;
  frontEndPool: FrontEndPool;
  persistentChatPool: PersistentChatPool;
}

/** A place where one entity names another by id. */
export interface Reference {
  field: Field<string>;
  key: string;
  expected: EntityKind;
  owner: Entity;
}

/** The sections of the descriptor, with the keys that hold them. */
export interface Topology {
  name?: Field<string>;
  domain?: Field<string>;
  globalCatalog?: Field<string>;
  sites: Site[];
  sqlStores: SqlStore[];
  fileStores: FileStore[];
  frontEndPools: FrontEndPool[];
  persistentChatPools: PersistentChatPool[];
  adminConsolesKey?: Field<unknown>;
  adminConsoles: AdminConsole[];
  references: Reference[];
  faulted: ReadonlySet<string>;
  /** Entities the rules do not judge, since a value in them failed the schema (see judgedTopology.ts). */
  withheld: Entity[];
}
