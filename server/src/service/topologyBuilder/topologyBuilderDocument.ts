import type { Span } from '../types';
import { isTopologyBuilderNamespace } from './namespaces';
import { attributeNamed, childrenNamed, type XmlElement } from './xmlTree';

/**
 * Topology Builder's topology as its XML states it, with every reference resolved to what it names, whichever
 * form wrote it: the saved form names things by GUID (UniqueId, InstalledOn, ServiceUniqueId), the published form
 * by structured ids (ClusterId @SiteId @Number, SqlInstanceId @Name, ServiceId @SiteId @RoleName @Instance).
 */
export interface TbDocument {
  sites: TbSite[];
  clusters: TbCluster[];
  sqlInstances: TbSqlInstance[];
  services: TbService[];
  /** InternalDomains @DefaultDomain: the SIP domain. */
  defaultDomain?: TbValue;
}

/** An attribute value or an element's text, as written. */
export interface TbValue {
  value: string;
  span: Span;
}

export interface TbSite {
  element: XmlElement;
  siteId?: TbValue;
  name?: TbValue;
}

export interface TbMachine {
  element: XmlElement;
  fqdn?: TbValue;
}

export interface TbCluster {
  element: XmlElement;
  fqdn?: TbValue;
  site?: TbSite;
  /** Where the cluster names its site: the enclosing CentralSite's SiteId, or its ClusterId's SiteId. */
  siteReference?: TbValue;
  /** One computer (a Standard Edition server, a single SQL Server…), and where that is said. */
  singleMachine: { value: boolean; span: Span };
  machinesElement?: XmlElement;
  machines: TbMachine[];
  sqlInstances: TbSqlInstance[];
  /** The services installed on it. */
  services: TbService[];
}

export interface TbSqlInstance {
  element: XmlElement;
  /** '' for the default instance. */
  name: TbValue;
  cluster?: TbCluster;
}

/** Where a service is installed: the InstalledOn attribute or element, and the cluster or SQL Server instance it names. */
export interface TbInstalledOn {
  span: Span;
  written: string;
  cluster?: TbCluster;
  sqlInstance?: TbSqlInstance;
}

export interface TbService {
  element: XmlElement;
  roleName: TbValue;
  /** ServiceId @Instance of the published form. */
  instance?: string;
  serviceVersion?: TbValue;
  installedOn?: TbInstalledOn;
  dependencies: TbDependency[];
  ports: XmlElement[];
  /** Elements in it whose names speak of a mirror, a backup or a witness, and the SQL Server instance each names, if any. */
  copyElements: TbCopyElement[];
}

/** An element such as a `…Mirror…` or `…Backup…` one, whose place in the XML is not known (no public file shows one). */
export interface TbCopyElement {
  element: XmlElement;
  sqlInstance?: TbSqlInstance;
}

export interface TbDependency {
  element: XmlElement;
  usage?: TbValue;
  /** The ServiceUniqueId value or ServiceId element that names the service depended on. */
  reference: { span: Span; written: string };
  target?: TbService;
}

const inTopology = isTopologyBuilderNamespace;

function value(element: XmlElement, name: string): TbValue | undefined {
  const attribute = attributeNamed(element, name);
  return attribute && { value: attribute.value, span: attribute.valueSpan };
}

function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local && inTopology(c.uri));
}

/** GUIDs compare case-insensitively, with or without braces. */
function guidKey(guid: string): string {
  return `u:${guid.trim().replace(/^\{|\}$/g, '').toLowerCase()}`;
}

function clusterIdKey(clusterId: XmlElement): string {
  return `c:${attributeNamed(clusterId, 'SiteId')?.value ?? ''}/${attributeNamed(clusterId, 'Number')?.value ?? ''}`.toLowerCase();
}

/** A SqlInstanceId element, by its name and the ClusterId in it. */
function sqlInstanceIdKey(sqlInstanceId: XmlElement): string {
  const clusterId = child(sqlInstanceId, 'ClusterId');
  return `${clusterId ? clusterIdKey(clusterId) : 'c:?'}/${(attributeNamed(sqlInstanceId, 'Name')?.value ?? '').toLowerCase()}`;
}

function serviceIdKey(serviceId: XmlElement): string {
  const part = (name: string) => attributeNamed(serviceId, name)?.value ?? '';
  return `s:${part('SiteId')}/${part('RoleName')}/${part('Instance')}`.toLowerCase();
}

function sameFqdn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

class DocumentReader {
  readonly document: TbDocument = { sites: [], clusters: [], sqlInstances: [], services: [] };
  private readonly sitesById = new Map<string, TbSite>();
  private readonly clustersByKey = new Map<string, TbCluster>();
  private readonly sqlInstancesByKey = new Map<string, TbSqlInstance>();
  private readonly servicesByKey = new Map<string, TbService>();
  /** References read before what they name: resolved once everything is read, in order. */
  private readonly pending: (() => void)[] = [];
  /** Resolutions that need every service placed first. */
  private readonly pendingLast: (() => void)[] = [];

  read(topology: XmlElement): TbDocument {
    const domains = child(topology, 'InternalDomains');
    this.document.defaultDomain = domains && value(domains, 'DefaultDomain');
    this.walk(topology, undefined, undefined);
    for (const resolve of [...this.pending, ...this.pendingLast]) resolve();
    return this.document;
  }

  private walk(element: XmlElement, site: TbSite | undefined, cluster: TbCluster | undefined): void {
    for (const c of element.children) {
      if (!inTopology(c.uri)) continue;
      switch (c.local) {
        case 'CentralSite':
          this.walk(c, this.site(c), undefined);
          break;
        case 'Cluster':
          this.cluster(c, site);
          break;
        case 'SqlInstance':
          this.sqlInstance(c, cluster);
          break;
        case 'Service':
          this.service(c);
          break;
        default:
          this.walk(c, site, cluster);
      }
    }
  }

  private site(element: XmlElement): TbSite {
    const nameElement = child(element, 'Name');
    const site: TbSite = { element, siteId: value(element, 'SiteId'), name: nameElement?.text };
    this.document.sites.push(site);
    if (site.siteId && !this.sitesById.has(site.siteId.value)) this.sitesById.set(site.siteId.value, site);
    return site;
  }

  private cluster(element: XmlElement, enclosingSite: TbSite | undefined): void {
    const machinesElement = child(element, 'Machines');
    const machineElements = [...childrenNamed(element, 'Machine', inTopology), ...(machinesElement ? childrenNamed(machinesElement, 'Machine', inTopology) : [])];
    const cluster: TbCluster = {
      element,
      fqdn: value(element, 'Fqdn'),
      site: enclosingSite,
      siteReference: enclosingSite && (enclosingSite.siteId ?? { value: '', span: enclosingSite.element.nameSpan }),
      singleMachine: { value: false, span: element.nameSpan },
      machinesElement,
      machines: machineElements.map((m) => ({ element: m, fqdn: value(m, 'Fqdn') })),
      sqlInstances: [],
      services: [],
    };
    cluster.singleMachine = this.singleMachine(cluster);
    this.document.clusters.push(cluster);
    const uniqueId = attributeNamed(element, 'UniqueId');
    if (uniqueId) this.clustersByKey.set(guidKey(uniqueId.value), cluster);
    const clusterId = child(element, 'ClusterId');
    if (clusterId) {
      this.clustersByKey.set(clusterIdKey(clusterId), cluster);
      const siteId = value(clusterId, 'SiteId');
      if (!enclosingSite && siteId) {
        cluster.siteReference = siteId;
        this.pending.push(() => (cluster.site = this.sitesById.get(siteId.value)));
      }
    }
    this.walk(element, enclosingSite, cluster);
  }

  /**
   * IsSingleMachineOnly where the saved form says it; otherwise (the published form has no such attribute) a
   * cluster of at most one machine, whose FQDN, if any, is the cluster's own.
   */
  private singleMachine(cluster: TbCluster): { value: boolean; span: Span } {
    const written = value(cluster.element, 'IsSingleMachineOnly');
    if (written) return { value: written.value.trim().toLowerCase() === 'true', span: written.span };
    const [only, ...others] = cluster.machines;
    const single = others.length === 0 && (!only?.fqdn || !cluster.fqdn || sameFqdn(only.fqdn.value, cluster.fqdn.value));
    return { value: single, span: cluster.element.nameSpan };
  }

  private sqlInstance(element: XmlElement, enclosingCluster: TbCluster | undefined): void {
    const sqlInstanceId = child(element, 'SqlInstanceId');
    const name = value(element, 'Name') ?? (sqlInstanceId && value(sqlInstanceId, 'Name')) ?? { value: '', span: element.nameSpan };
    const instance: TbSqlInstance = { element, name, cluster: enclosingCluster };
    this.document.sqlInstances.push(instance);
    const uniqueId = attributeNamed(element, 'UniqueId');
    if (uniqueId) this.sqlInstancesByKey.set(guidKey(uniqueId.value), instance);
    if (sqlInstanceId) {
      const key = sqlInstanceIdKey(sqlInstanceId);
      if (!this.sqlInstancesByKey.has(key)) this.sqlInstancesByKey.set(key, instance);
      const clusterId = child(sqlInstanceId, 'ClusterId');
      if (!enclosingCluster && clusterId) this.pending.push(() => this.attach(instance, this.clustersByKey.get(clusterIdKey(clusterId))));
    }
    if (enclosingCluster) enclosingCluster.sqlInstances.push(instance);
  }

  private attach(instance: TbSqlInstance, cluster: TbCluster | undefined): void {
    instance.cluster = cluster;
    cluster?.sqlInstances.push(instance);
  }

  private service(element: XmlElement): void {
    const serviceId = child(element, 'ServiceId');
    const roleName = value(element, 'RoleName') ?? (serviceId && value(serviceId, 'RoleName')) ?? { value: '', span: element.nameSpan };
    const dependsOn = child(element, 'DependsOn');
    const ports = child(element, 'Ports');
    const service: TbService = {
      element,
      roleName,
      instance: serviceId && attributeNamed(serviceId, 'Instance')?.value,
      serviceVersion: value(element, 'ServiceVersion'),
      dependencies: dependsOn ? childrenNamed(dependsOn, 'Dependency', inTopology).map((d) => this.dependency(d)) : [],
      ports: ports ? childrenNamed(ports, 'Port', inTopology) : [],
      copyElements: [],
    };
    this.document.services.push(service);
    const uniqueId = attributeNamed(element, 'UniqueId');
    if (uniqueId) this.servicesByKey.set(guidKey(uniqueId.value), service);
    if (serviceId) this.servicesByKey.set(serviceIdKey(serviceId), service);
    this.pending.push(() => this.install(service));
    for (const element of copyElementsIn(service.element)) {
      const copy: TbCopyElement = { element };
      service.copyElements.push(copy);
      this.pendingLast.push(() => (copy.sqlInstance = this.sqlInstanceNamedIn(element)));
    }
  }

  /** The SQL Server instance an element names: by a SqlInstanceId in it, or by a GUID of an instance or of a service installed on one. */
  private sqlInstanceNamedIn(element: XmlElement): TbSqlInstance | undefined {
    for (const e of descendantsAndSelf(element)) {
      if (e.local === 'SqlInstanceId') {
        const instance = this.sqlInstancesByKey.get(sqlInstanceIdKey(e));
        if (instance) return instance;
      }
      for (const a of e.attributes) {
        const key = guidKey(a.value);
        const instance = this.sqlInstancesByKey.get(key) ?? this.servicesByKey.get(key)?.installedOn?.sqlInstance;
        if (instance) return instance;
      }
    }
    return undefined;
  }

  private dependency(element: XmlElement): TbDependency {
    const uniqueId = attributeNamed(element, 'ServiceUniqueId');
    const serviceId = child(element, 'ServiceId');
    const key = uniqueId ? guidKey(uniqueId.value) : serviceId && serviceIdKey(serviceId);
    const dependency: TbDependency = {
      element,
      usage: value(element, 'Usage'),
      reference: uniqueId
        ? { span: uniqueId.valueSpan, written: uniqueId.value }
        : { span: (serviceId ?? element).span, written: serviceId ? describeServiceId(serviceId) : '' },
    };
    if (key) this.pending.push(() => (dependency.target = this.servicesByKey.get(key)));
    return dependency;
  }

  private install(service: TbService): void {
    const attribute = attributeNamed(service.element, 'InstalledOn');
    const installedOn = child(service.element, 'InstalledOn');
    if (attribute) {
      const key = guidKey(attribute.value);
      service.installedOn = { span: attribute.valueSpan, written: attribute.value, cluster: this.clustersByKey.get(key), sqlInstance: this.sqlInstancesByKey.get(key) };
    } else if (installedOn) {
      const clusterId = child(installedOn, 'ClusterId');
      const sqlInstanceId = child(installedOn, 'SqlInstanceId');
      service.installedOn = {
        span: installedOn.span,
        written: sqlInstanceId ? `SQL Server instance '${attributeNamed(sqlInstanceId, 'Name')?.value ?? ''}'` : clusterId ? `cluster ${clusterIdKey(clusterId).slice(2)}` : '',
        cluster: clusterId ? this.clustersByKey.get(clusterIdKey(clusterId)) : undefined,
        sqlInstance: sqlInstanceId ? this.sqlInstancesByKey.get(sqlInstanceIdKey(sqlInstanceId)) : undefined,
      };
    }
    service.installedOn?.cluster?.services.push(service);
  }
}

const COPY_WORDS = /mirror|backup|witness/i;
/** Where a service keeps what is known: its dependencies, ports and ids, which are read elsewhere. */
const READ_ELSEWHERE = new Set(['DependsOn', 'Ports', 'ServiceId', 'InstalledOn']);

function copyElementsIn(service: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement): void => {
    for (const c of element.children) {
      if (READ_ELSEWHERE.has(c.local)) continue;
      if (COPY_WORDS.test(c.local)) found.push(c);
      else visit(c);
    }
  };
  visit(service);
  return found;
}

function descendantsAndSelf(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendantsAndSelf)];
}

/** A ServiceId as Topology Builder shows it: `1-PersistentChatService-1`. */
function describeServiceId(serviceId: XmlElement): string {
  return ['SiteId', 'RoleName', 'Instance'].map((name) => attributeNamed(serviceId, name)?.value ?? '?').join('-');
}

/** Reads the topology element (PartialTopology of the saved form, Topology of the published one). */
export function readTopologyBuilderDocument(topology: XmlElement): TbDocument {
  return new DocumentReader().read(topology);
}
