import type {
  Compliance,
  DatabasePlacement,
  Entity,
  EntityKind,
  Field,
  FileStore,
  FrontEndPool,
  PathSegment,
  PersistentChatPool,
  PersistentChatServer,
  ProtectionRole,
  Reference,
  Site,
  SqlStore,
  Topology,
} from '../model/model';
import type { SyntaxProblem } from '../parse/parseTopology';
import type { Span } from '../types';
import { hostLabel, IdAllocator, slug } from './entityIds';
import type { TbCluster, TbCopyElement, TbDependency, TbDocument, TbMachine, TbService, TbSite, TbSqlInstance } from './topologyBuilderDocument';
import { isTopologyBuilderNamespace } from './namespaces';
import { lowerCase } from './lowerCase';
import { attributeNamed, attributeValue, childNamed, type XmlElement, type XmlValue } from './xmlTree';

/** An XML element an editor points at, and what it became in the model. */
export interface TopologyBuilderElement {
  kind: 'site' | 'cluster' | 'machine' | 'sqlInstance' | 'service';
  /** The element in Topology Builder's words, e.g. "Cluster pool01.contoso.com". */
  label: string;
  span: Span;
  nameSpan: Span;
  entities: Entity[];
  /** The Persistent Chat server a machine of a Persistent Chat pool became. */
  server?: PersistentChatServer;
}

export interface TopologyBuilderModel {
  topology: Topology;
  notUnderstood: SyntaxProblem[];
  elements: TopologyBuilderElement[];
}

const ROLE = {
  userServices: 'userservices',
  registrar: 'registrar',
  userStore: 'userstore',
  fileStore: 'filestore',
  persistentChat: 'persistentchatservice',
} as const;

const NOT_UNDERSTOOD = 'not understood; checked without it.';
const COPY_WORDS: Readonly<Record<ProtectionRole, string>> = { store: 'store', mirror: 'mirror', backup: 'backup (log shipping)', backupMirror: 'backup mirror' };

type DatabaseKind = 'database' | 'compliance';
type Copies = Partial<Record<ProtectionRole, Field<string>>> & { span?: Span };

/** PersistentChatStore and PersistentChatComplianceStore (and any such store role): which database it holds. */
function databaseKindOf(service: TbService): DatabaseKind | undefined {
  const role = service.role;
  if (!role.startsWith('persistentchat') || !role.endsWith('store')) return undefined;
  return role.includes('compliance') ? 'compliance' : 'database';
}

const DEFAULT = /default/g;
const STORE_ROLE_WORDS = /persistentchat|compliance|store/gi;
const COMPLIANCE = /compliance/i;
const SIP = /sip/i;
const WHOLE_NUMBER = /^\s*\d+\s*$/;
const IP_ADDRESS = /^[\d.]+$/;

/** The copy that words such as a Usage or an element's name say: none or 'Default' is the store itself; undefined when they say something else. */
function protectionRoleOf(words: string): ProtectionRole | undefined {
  const w = words.toLowerCase();
  const mirror = w.includes('mirror');
  const backup = w.includes('backup');
  if (mirror && backup) return 'backupMirror';
  if (mirror) return 'mirror';
  if (backup) return 'backup';
  return w.replace(DEFAULT, '').trim() === '' ? 'store' : undefined;
}

/** The copy a dependency on a store service names, by its Usage and by the words of the store's role name besides 'PersistentChat…Store'. */
function copyRoleOf(dependency: TbDependency, storeService: TbService): ProtectionRole | undefined {
  return protectionRoleOf(`${dependency.usage?.value ?? ''} ${storeService.roleName.value.replace(STORE_ROLE_WORDS, '')}`);
}

function isDefaultUsage(dependency: TbDependency): boolean {
  const usage = dependency.usage?.value.trim().toLowerCase() ?? '';
  return usage === '' || usage === 'default';
}

function field<T>(value: T, span: Span): Field<T> {
  return { value, span, keySpan: span };
}

const fromValue = (v: XmlValue | undefined): Field<string> | undefined => v && field(v.value, v.span);

const hasFqdn = (machine: TbMachine): boolean => machine.fqdn !== undefined;
const fqdnField = (machine: TbMachine): Field<string> => field(machine.fqdn!.value, machine.fqdn!.span);

/** The first dependency of a service on one of this role. */
function dependencyOn(service: TbService, role: string): TbDependency | undefined {
  for (const d of service.dependencies) if (d.target?.role === role) return d;
  return undefined;
}

/** The entities of Topology Builder's topology: the schema faults none of their keys. */
const NOTHING_FAULTED: ReadonlySet<string> = new Set();

/** `PersistentChatService`, or `PersistentChatService:1` where the published form numbers it. */
function serviceName(service: TbService): string {
  return `${service.roleName.value || '(no role name)'}${service.instance ? `:${service.instance}` : ''}`;
}

function instanceWords(instance: TbSqlInstance): string {
  return instance.name.value ? `SQL Server instance ${instance.name.value}` : 'the default SQL Server instance';
}

const computer = (fqdn: string): boolean => fqdn.includes('.') && !IP_ADDRESS.test(fqdn) && !fqdn.includes(':');

const DOT = 0x2e;

/**
 * The labels at the end of `a` that also end `b` from `bStart` on (`corp.contoso.com` of `eu.corp.contoso.com`
 * and `corp.contoso.com`); undefined when not even the last is shared.
 */
function sharedLabels(a: string, b: string, bStart: number): string | undefined {
  let shared: number | undefined;
  let i = a.length;
  let j = b.length;
  for (;;) {
    while (i > 0 && j > bStart && a.charCodeAt(i - 1) !== DOT && a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      i--;
      j--;
    }
    if (!((i === 0 || a.charCodeAt(i - 1) === DOT) && (j === bStart || b.charCodeAt(j - 1) === DOT))) break;
    shared = i;
    if (i === 0 || j === bStart) break;
    i--;
    j--;
  }
  return shared === undefined ? undefined : a.slice(shared);
}


/** The DNS suffix the computers added share, e.g. `corp.contoso.com`: what follows the first label, in lower case. */
class CommonDnsSuffix {
  private seen = false;
  /** Undefined once two computers share no label. */
  private common: string | undefined;

  add(fqdn: Field<string> | undefined): void {
    if (!fqdn || !computer(fqdn.value)) return;
    const lower = lowerCase(fqdn.value);
    const suffixStart = lower.indexOf('.') + 1;
    if (!this.seen) this.common = lower.slice(suffixStart);
    else if (this.common !== undefined) this.common = sharedLabels(this.common, lower, suffixStart);
    this.seen = true;
  }

  /** Undefined when no computer was added, or they share none. */
  get value(): string | undefined {
    return this.common;
  }
}

class ModelMapper {
  private readonly ids = new IdAllocator();
  private readonly references: Reference[] = [];
  private readonly notUnderstood: SyntaxProblem[] = [];
  private readonly elements: TopologyBuilderElement[] = [];
  private readonly siteIds = new Map<TbSite, string>();
  private readonly frontEndPools = new Map<TbCluster, FrontEndPool>();
  private readonly sqlStores = new Map<TbSqlInstance, SqlStore>();
  private readonly fileStores = new Map<TbService, FileStore>();
  /** What each cluster and service became, for the editor. */
  private readonly entitiesOf = new Map<XmlElement, Entity[]>();
  private readonly clusterWordsOf = new Map<TbCluster, string>();

  constructor(private readonly document: TbDocument) {}

  build(name: Field<string>): TopologyBuilderModel {
    const d = this.document;
    const frontEndClusters = d.clusters.filter((c) => this.runs(c, ROLE.userServices) && this.runs(c, ROLE.registrar));
    const chatServices = d.services.filter((s) => {
      if (s.role !== ROLE.persistentChat) return false;
      if (s.installedOn?.cluster) return true;
      const where = s.installedOn ? `on '${s.installedOn.written}', which is no cluster this file describes` : 'on no cluster (it has no InstalledOn)';
      this.report(s.element.nameSpan, `This PersistentChatService is installed ${where}, so its Persistent Chat pool is ${NOT_UNDERSTOOD}`);
      return false;
    });
    const instances = d.sqlInstances.filter((i) => i.cluster);
    const fileStoreServices = d.services.filter((s) => s.role === ROLE.fileStore && s.installedOn?.cluster);

    // Ids first, so that references can name what comes later in the file; pools before stores take the plain names.
    const siteIds = d.sites.map((s) => this.ids.allocate(slug(s.name?.value ?? '') || (s.siteId ? `site-${slug(s.siteId.value)}` : ''), 'site'));
    d.sites.forEach((s, i) => this.siteIds.set(s, siteIds[i]));
    const frontEndIds = frontEndClusters.map((c) => this.ids.allocate(hostLabel(c.fqdn?.value ?? ''), 'fe'));
    const chatIds = chatServices.map((s) => this.ids.allocate(hostLabel(s.installedOn!.cluster!.fqdn?.value ?? ''), 'pchat'));
    const storeIds = instances.map((i) => {
      const host = hostLabel(i.cluster!.fqdn?.value ?? '');
      const name = slug(i.name.value);
      return this.ids.allocate(host && name ? `${host}-${name}` : host || name, 'sql');
    });
    const fileStoreIds = fileStoreServices.map((s) => this.ids.allocate(hostLabel(s.installedOn!.cluster!.fqdn?.value ?? ''), 'fs'));

    const sites = d.sites.map((s, i) => this.site(s, siteIds[i], i));
    const standardEditionServers = new Set(frontEndClusters.filter((c) => c.singleMachine.value));
    const sqlStores = instances.map((instance, i) => this.sqlStore(instance, storeIds[i], i, standardEditionServers));
    const fileStores = fileStoreServices.map((s, i) => this.fileStore(s, fileStoreIds[i], i));
    const frontEndPools = frontEndClusters.map((c, i) => this.frontEndPool(c, frontEndIds[i], i));
    for (const service of d.services) this.checkPlaced(service);
    const persistentChatPools = chatServices.map((s, i) => this.persistentChatPool(s, chatIds[i], i));

    this.pointAtClustersAndServices();
    this.elements.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    this.notUnderstood.sort((a, b) => a.span.start - b.span.start);

    const computers = new CommonDnsSuffix();
    for (const store of sqlStores) computers.add(store.fqdn);
    for (const store of fileStores) computers.add(store.fqdn);
    for (const pool of frontEndPools) {
      computers.add(pool.fqdn);
      for (const server of pool.servers) computers.add(server);
    }
    for (const pool of persistentChatPools) {
      computers.add(pool.fqdn);
      for (const server of pool.servers) computers.add(server.fqdn);
    }
    const suffix = computers.value;
    const topology: Topology = {
      name,
      // The AD DS domain is nowhere in the XML: the computers' DNS suffix stands for it, shown at the SIP domain.
      domain: suffix === undefined ? undefined : field(suffix, d.defaultDomain?.span ?? { start: 0, end: 0 }),
      sites,
      sqlStores,
      fileStores,
      frontEndPools,
      persistentChatPools,
      adminConsoles: [],
      references: this.references,
      faulted: new Set(),
      withheld: [],
    };
    return { topology, notUnderstood: this.notUnderstood, elements: this.elements };
  }

  /** Each cluster with the pools and stores on it, each service with what it became. */
  private pointAtClustersAndServices(): void {
    for (const cluster of this.document.clusters) {
      // The pools on the cluster, then its stores: this list is the cluster's alone.
      let entities = this.entitiesOf.get(cluster.element);
      for (const instance of cluster.sqlInstances) {
        const store = this.sqlStores.get(instance);
        if (store) (entities ??= []).push(store);
      }
      for (const service of cluster.services) {
        const store = this.fileStores.get(service);
        if (store) (entities ??= []).push(store);
      }
      if (entities) this.point('cluster', this.clusterWords(cluster), cluster.element, entities);
    }
    for (const service of this.document.services) {
      const entities = this.entitiesOf.get(service.element);
      if (entities) this.point('service', `Service ${serviceName(service)}`, service.element, entities);
    }
  }

  private clusterWords(cluster: TbCluster): string {
    let words = this.clusterWordsOf.get(cluster);
    if (words === undefined) {
      const site = cluster.siteReference?.value;
      words = `Cluster ${cluster.fqdn?.value ?? '(no FQDN)'}${site ? ` (site ${site})` : ''}`;
      this.clusterWordsOf.set(cluster, words);
    }
    return words;
  }

  private runs(cluster: TbCluster, role: string): boolean {
    return cluster.services.some((s) => s.role === role);
  }

  private report(span: Span, message: string): void {
    this.notUnderstood.push({ message, span });
  }

  private point(kind: TopologyBuilderElement['kind'], label: string, element: XmlElement, entities: Entity[], server?: PersistentChatServer): void {
    const pointed: TopologyBuilderElement = { kind, label, span: element.span, nameSpan: element.nameSpan, entities };
    if (server) pointed.server = server;
    this.elements.push(pointed);
  }

  private became(element: XmlElement, entity: Entity): void {
    const list = this.entitiesOf.get(element);
    if (list) list.push(entity);
    else this.entitiesOf.set(element, [entity]);
  }

  private reference(owner: Entity, f: Field<string> | undefined, key: string, expected: EntityKind): void {
    if (f) this.references.push({ field: f, key, expected, owner });
  }

  /** The id of a cluster's site, where the cluster names it; a SiteId naming no central site stays as written, an unknown reference. */
  private siteOf(cluster: TbCluster): Field<string> | undefined {
    const reference = cluster.siteReference;
    if (!reference) return undefined;
    return field(cluster.site ? this.siteIds.get(cluster.site)! : reference.value, reference.span);
  }

  private idField(id: string, cluster: TbCluster): Field<string> {
    return field(id, cluster.fqdn?.span ?? cluster.element.nameSpan);
  }

  private site(s: TbSite, id: string, index: number): Site {
    const origin = `Central site${s.siteId ? ` ${s.siteId.value}` : ''}${s.name ? ` (${s.name.value})` : ''}`;
    const site: Site = {
      kind: 'site',
      span: s.element.span,
      path: ['sites', index],
      faulted: NOTHING_FAULTED,
      origin,
      id: field(id, s.name?.span ?? s.siteId?.span ?? s.element.nameSpan),
      name: fromValue(s.name),
    };
    this.point('site', origin, s.element, [site]);
    return site;
  }

  private sqlStore(instance: TbSqlInstance, id: string, index: number, standardEditionServers: ReadonlySet<TbCluster>): SqlStore {
    const cluster = instance.cluster!;
    const origin = `${this.clusterWords(cluster)}, ${instanceWords(instance)}`;
    const onStandardEdition = standardEditionServers.has(cluster);
    const store: SqlStore = {
      kind: 'sqlStore',
      span: instance.element.span,
      path: ['sqlStores', index],
      faulted: NOTHING_FAULTED,
      origin,
      id: field(id, instance.name.value ? instance.name.span : this.idField(id, cluster).span),
      fqdn: fromValue(cluster.fqdn),
      instance: instance.name.value ? fromValue(instance.name) : undefined,
      edition: onStandardEdition ? field('express' as const, cluster.singleMachine.span) : undefined,
      site: this.siteOf(cluster),
    };
    this.reference(store, store.site, 'site', 'site');
    this.sqlStores.set(instance, store);
    this.point('sqlInstance', origin, instance.element, [store]);
    return store;
  }

  private fileStore(service: TbService, id: string, index: number): FileStore {
    const cluster = service.installedOn!.cluster!;
    const fileStoreService = childNamed(service.element, 'FileStoreService', isTopologyBuilderNamespace);
    const share = fileStoreService && attributeNamed(fileStoreService, 'ShareName');
    const store: FileStore = {
      kind: 'fileStore',
      span: service.element.span,
      path: ['fileStores', index],
      faulted: NOTHING_FAULTED,
      origin: `${this.clusterWords(cluster)}, service ${serviceName(service)}`,
      id: field(id, share?.span ?? service.element.nameSpan),
      fqdn: fromValue(cluster.fqdn),
      share: fromValue(share),
      site: this.siteOf(cluster),
    };
    this.reference(store, store.site, 'site', 'site');
    this.fileStores.set(service, store);
    this.became(service.element, store);
    return store;
  }

  /** A Persistent Chat store service must be installed on a SQL Server instance of a cluster this file describes. */
  private checkPlaced(service: TbService): void {
    const kind = databaseKindOf(service);
    if (!kind || this.storeOf(service)) return;
    const where = service.installedOn?.cluster
      ? `on ${this.clusterWords(service.installedOn.cluster)} rather than on one of its SQL Server instances`
      : service.installedOn
        ? `on '${service.installedOn.written}', which is no SQL Server instance of a cluster this file describes`
        : 'on nothing (it has no InstalledOn)';
    const what = kind === 'database' ? 'Persistent Chat database' : 'compliance database';
    this.report(service.element.nameSpan, `This ${service.roleName.value} is installed ${where}, so the ${what} it holds is ${NOT_UNDERSTOOD}`);
  }

  /** The SQL Server store a service holding a database is installed on. */
  private storeOf(service: TbService | undefined): SqlStore | undefined {
    const instance = service?.installedOn?.sqlInstance;
    return instance && this.sqlStores.get(instance);
  }

  private frontEndPool(cluster: TbCluster, id: string, index: number): FrontEndPool {
    const standard = cluster.singleMachine.value;
    const services: TbService[] = [];
    let userServices: TbService | undefined;
    for (const s of cluster.services) {
      if (s.role === ROLE.userServices) userServices ??= s;
      if (s.role === ROLE.userServices || s.role === ROLE.registrar) services.push(s);
    }
    const backEnd = dependencyOn(userServices!, ROLE.userStore);
    const fileStore = dependencyOn(userServices!, ROLE.fileStore);
    const backEndStore = this.storeOf(backEnd?.target);
    const fileStoreEntity = fileStore?.target && this.fileStores.get(fileStore.target);
    const machines = standard ? [] : cluster.machines.filter(hasFqdn);
    const pool: FrontEndPool = {
      kind: 'frontEndPool',
      span: cluster.element.span,
      path: ['frontEndPools', index],
      faulted: NOTHING_FAULTED,
      origin: `${this.clusterWords(cluster)}, services UserServices and Registrar`,
      id: this.idField(id, cluster),
      edition: field(standard ? ('standard' as const) : ('enterprise' as const), cluster.singleMachine.span),
      fqdn: fromValue(cluster.fqdn),
      site: this.siteOf(cluster),
      serversKey: standard ? undefined : this.serversKey(cluster),
      servers: machines.map(fqdnField),
      backEnd: backEnd && backEndStore && field(backEndStore.id.value, backEnd.reference.span),
      fileStore: fileStore && fileStoreEntity && field(fileStoreEntity.id.value, fileStore.reference.span),
    };
    this.reference(pool, pool.site, 'site', 'site');
    this.reference(pool, pool.backEnd, 'backEnd', 'sqlStore');
    this.reference(pool, pool.fileStore, 'fileStore', 'fileStore');
    this.frontEndPools.set(cluster, pool);
    this.became(cluster.element, pool);
    for (const s of services) this.became(s.element, pool);
    for (const m of machines) this.point('machine', `Machine ${m.fqdn!.value}`, m.element, [pool]);
    return pool;
  }

  private serversKey(cluster: TbCluster): Field<unknown> {
    const element = cluster.machinesElement ?? cluster.element;
    return { value: null, span: element.span, keySpan: element.nameSpan };
  }

  private persistentChatPool(service: TbService, id: string, index: number): PersistentChatPool {
    const cluster = service.installedOn!.cluster!;
    const path: PathSegment[] = ['persistentChatPools', index];
    const origin = `${this.clusterWords(cluster)}, service ${serviceName(service)}`;
    const pool: PersistentChatPool = {
      kind: 'persistentChatPool',
      span: cluster.element.span,
      path,
      faulted: NOTHING_FAULTED,
      origin,
      id: this.idField(id, cluster),
      fqdn: fromValue(cluster.fqdn),
      site: this.siteOf(cluster),
      deployment: field(cluster.singleMachine.value ? ('single-server' as const) : ('multiple-server' as const), cluster.singleMachine.span),
      serversKey: this.serversKey(cluster),
      servers: [],
      sipPort: this.sipPort(service),
      serviceVersion: this.serviceVersion(service),
    };
    pool.servers = this.servers(pool, cluster, path, origin);
    this.dependencies(pool, service, path, origin);
    this.reference(pool, pool.site, 'site', 'site');
    this.reference(pool, pool.nextHop, 'nextHop', 'frontEndPool');
    this.reference(pool, pool.fileStore, 'fileStore', 'fileStore');
    this.became(cluster.element, pool);
    this.became(service.element, pool);
    return pool;
  }

  /** Machine @Fqdn of each machine; the cluster's own FQDN for a single computer whose machine names none. */
  private servers(pool: PersistentChatPool, cluster: TbCluster, poolPath: PathSegment[], poolOrigin: string): PersistentChatServer[] {
    const servers: PersistentChatServer[] = [];
    const named = cluster.machines.filter(hasFqdn);
    for (const m of named) this.server(servers, pool, m.element, m.fqdn, `Machine ${m.fqdn!.value}`, poolPath, poolOrigin, m.element);
    if (named.length > 0 || !cluster.singleMachine.value) {
      for (const m of cluster.machines) {
        if (!m.fqdn) this.report(m.element.nameSpan, `This machine of a Persistent Chat pool has no Fqdn, so it is ${NOT_UNDERSTOOD}`);
      }
    } else {
      const only = cluster.machines.length === 1 ? cluster.machines[0] : undefined;
      this.server(servers, pool, only?.element ?? cluster.element, cluster.fqdn, `Machine ${cluster.fqdn?.value ?? '(no FQDN)'}`, poolPath, poolOrigin, only?.element);
    }
    return servers;
  }

  private server(servers: PersistentChatServer[], pool: PersistentChatPool, element: XmlElement, fqdn: XmlValue | undefined, label: string, poolPath: PathSegment[], poolOrigin: string, machine?: XmlElement): void {
    const server: PersistentChatServer = {
      span: element.span,
      path: [...poolPath, 'servers', servers.length],
      faulted: NOTHING_FAULTED,
      origin: `${label} of ${poolOrigin}`,
      fqdn: fromValue(fqdn),
    };
    servers.push(server);
    if (machine) this.point('machine', label, machine, [pool], server);
  }

  /** The MTLS port the service listens on for SIP: one whose Owner or Usage says SIP, else the first MTLS port. */
  private sipPort(service: TbService): Field<number> | undefined {
    let port: XmlElement | undefined;
    for (const p of service.ports) {
      if (attributeValue(p, 'Protocol')?.toLowerCase() !== 'mtls') continue;
      if (SIP.test(attributeValue(p, 'Owner') ?? '') || SIP.test(attributeValue(p, 'Usage') ?? '')) {
        port = p;
        break;
      }
      port ??= p;
    }
    if (!port) return undefined;
    const number = attributeNamed(port, 'Port');
    if (!number || !WHOLE_NUMBER.test(number.value)) {
      this.report(port.nameSpan, `This MTLS port of the Persistent Chat service has no port number, so its SIP port is ${NOT_UNDERSTOOD}`);
      return undefined;
    }
    return field(Number(number.value), number.span);
  }

  private serviceVersion(service: TbService): Field<number> | undefined {
    const version = service.serviceVersion;
    if (!version) return undefined;
    if (WHOLE_NUMBER.test(version.value)) return field(Number(version.value), version.span);
    this.report(version.span, `The ServiceVersion '${version.value}' of this Persistent Chat service is ${NOT_UNDERSTOOD}`);
    return undefined;
  }

  /** Next hop, file store and the databases' places, from the service's dependencies and its stores' copies. */
  private dependencies(pool: PersistentChatPool, service: TbService, poolPath: PathSegment[], poolOrigin: string): void {
    const copies: Record<DatabaseKind, Copies> = { database: {}, compliance: {} };
    /** Whether a dependency spoke of a next hop or of the Persistent Chat database, placed or reported. */
    let namesNextHop = false;
    let namesDatabase = false;
    for (const dependency of service.dependencies) {
      const target = dependency.target;
      const span = dependency.element.nameSpan;
      if (target && target.role === ROLE.registrar) namesNextHop = true;
      if (target && databaseKindOf(target) === 'database') namesDatabase = true;
      if (!target) {
        namesNextHop = namesDatabase = true;
        this.report(span, `This dependency of the Persistent Chat service names service '${dependency.reference.value}', which this file does not describe, so it is ${NOT_UNDERSTOOD}`);
        continue;
      }
      const role = target.role;
      const kind = databaseKindOf(target);
      if (kind) {
        this.placeCopy(copies[kind], kind, dependency, target, pool);
      } else if ((role === ROLE.registrar || role === ROLE.fileStore) && !isDefaultUsage(dependency)) {
        this.report(span, `The usage '${dependency.usage!.value}' of this dependency of the Persistent Chat service on ${target.roleName.value} is ${NOT_UNDERSTOOD}`);
      } else if (role === ROLE.registrar) {
        this.nextHop(pool, dependency, target);
      } else if (role === ROLE.fileStore) {
        const store = this.fileStores.get(target);
        if (pool.fileStore) this.report(span, `A second file store of the Persistent Chat service is ${NOT_UNDERSTOOD}`);
        else if (!store) this.report(span, `The file store this dependency names is installed on no cluster this file describes, so it is ${NOT_UNDERSTOOD}`);
        else pool.fileStore = field(store.id.value, dependency.reference.span);
      } else {
        this.report(span, `This dependency of the Persistent Chat service on ${target.roleName.value || 'a service without a role name'} is ${NOT_UNDERSTOOD}`);
      }
    }
    for (const element of service.copyElements) this.copyElement(copies[COMPLIANCE.test(element.element.local) ? 'compliance' : 'database'], element);
    pool.database = this.placement(pool, copies.database, [...poolPath, 'database'], `${poolOrigin}, its Persistent Chat database`);
    const compliance = this.placement(pool, copies.compliance, [...poolPath, 'compliance'], `${poolOrigin}, its compliance database`);
    pool.compliance = compliance && ({ ...compliance, enabled: field(true, compliance.span) } satisfies Compliance);
    // Topology Builder asks for both; without them the rules that follow the next hop or the database say nothing.
    if (!namesNextHop) this.report(service.element.nameSpan, `This Persistent Chat service has no next hop that this reader could place (a dependency on the Registrar of a Front End pool or Standard Edition server), so its next hop is ${NOT_UNDERSTOOD}`);
    if (!namesDatabase && !pool.database?.store) this.report(service.element.nameSpan, `This Persistent Chat service has no Persistent Chat database that this reader could place (a dependency on a PersistentChatStore on a SQL Server instance), so its database is ${NOT_UNDERSTOOD}`);
  }

  private nextHop(pool: PersistentChatPool, dependency: TbDependency, registrar: TbService): void {
    const span = dependency.element.nameSpan;
    const cluster = registrar.installedOn?.cluster;
    const frontEnd = cluster && this.frontEndPools.get(cluster);
    if (!frontEnd) {
      const where = cluster ? `${this.clusterWords(cluster)}, which is no Front End pool or Standard Edition server (it runs no UserServices)` : 'no cluster this file describes';
      this.report(span, `The next hop of the Persistent Chat service is the Registrar on ${where}, so it is ${NOT_UNDERSTOOD}`);
    } else if (pool.nextHop) {
      this.report(span, `A second next hop (Registrar) of the Persistent Chat service is ${NOT_UNDERSTOOD}`);
    } else {
      pool.nextHop = field(frontEnd.id.value, dependency.reference.span);
    }
  }

  /** One store or copy of a database, from a dependency on a Persistent Chat store service (one not on a SQL Server instance is reported at its Service). */
  private placeCopy(copies: Copies, kind: DatabaseKind, dependency: TbDependency, storeService: TbService, pool: PersistentChatPool): void {
    const span = dependency.element.nameSpan;
    const role = copyRoleOf(dependency, storeService);
    const store = this.storeOf(storeService);
    if (!role) {
      this.report(span, `The usage '${dependency.usage?.value ?? ''}' of this dependency on ${storeService.roleName.value} is ${NOT_UNDERSTOOD}`);
    } else if (store && copies[role]) {
      this.report(span, `A second ${COPY_WORDS[role]} of the ${kind === 'database' ? 'Persistent Chat database' : 'compliance database'} is ${NOT_UNDERSTOOD}`);
    } else if (store) {
      copies[role] = field(store.id.value, dependency.reference.span);
      copies.span ??= dependency.element.span;
      this.became(storeService.element, pool);
      this.became(storeService.element, store);
      if (role === 'store') this.storeCopies(copies, kind, storeService, pool);
    }
  }

  /** Copies the store service itself names: by dependencies with a Mirror or Backup usage, or by elements so named. */
  private storeCopies(copies: Copies, kind: DatabaseKind, storeService: TbService, pool: PersistentChatPool): void {
    for (const dependency of storeService.dependencies) {
      const target = dependency.target;
      const role = target && databaseKindOf(target) === kind ? copyRoleOf(dependency, target) : undefined;
      if (target && role && role !== 'store') this.placeCopy(copies, kind, dependency, target, pool);
      else this.report(dependency.element.nameSpan, `This dependency of ${storeService.roleName.value} is ${NOT_UNDERSTOOD}`);
    }
    for (const element of storeService.copyElements) this.copyElement(copies, element);
  }

  private copyElement(copies: Copies, copy: TbCopyElement): void {
    const role = protectionRoleOf(copy.element.local);
    const store = copy.sqlInstance && this.sqlStores.get(copy.sqlInstance);
    const span = copy.element.nameSpan;
    if (!role || role === 'store' || !store) {
      this.report(span, `The element '${copy.element.local}' is ${NOT_UNDERSTOOD}`);
    } else if (copies[role]) {
      this.report(span, `A second ${COPY_WORDS[role]} ('${copy.element.local}') is ${NOT_UNDERSTOOD}`);
    } else {
      copies[role] = field(store.id.value, copy.element.span);
      copies.span ??= copy.element.span;
    }
  }

  private placement(pool: PersistentChatPool, copies: Copies, path: PathSegment[], origin: string): DatabasePlacement | undefined {
    if (!copies.span) return undefined;
    const placement: DatabasePlacement = {
      span: copies.span,
      path,
      faulted: new Set(),
      origin,
      keySpan: copies.span,
      store: copies.store,
      mirror: copies.mirror,
      backup: copies.backup,
      backupMirror: copies.backupMirror,
    };
    for (const role of ['store', 'mirror', 'backup', 'backupMirror'] as const) this.reference(pool, placement[role], role, 'sqlStore');
    return placement;
  }
}

/** The model of a Topology Builder topology, the Persistent Chat constructs it does not understand, and the elements an editor points at. */
export function buildTopologyBuilderModel(document: TbDocument, name: Field<string>): TopologyBuilderModel {
  return new ModelMapper(document).build(name);
}
