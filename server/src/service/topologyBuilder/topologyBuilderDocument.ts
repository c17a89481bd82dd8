import type { Span } from '../types';
import { isTopologyBuilderNamespace } from './namespaces';
import { lowerCase } from './lowerCase';
import { attributeNamed, attributeValue, attributeValues, childNamed, childrenNamed, type XmlElement, type XmlValue } from './xmlTree';

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
  defaultDomain?: XmlValue;
}

export interface TbSite {
  element: XmlElement;
  siteId?: XmlValue;
  name?: XmlValue;
}

export interface TbMachine {
  element: XmlElement;
  fqdn?: XmlValue;
}

export interface TbCluster {
  element: XmlElement;
  fqdn?: XmlValue;
  site?: TbSite;
  /** Where the cluster names its site: the enclosing CentralSite's SiteId, or its ClusterId's SiteId. */
  siteReference?: XmlValue;
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
  name: XmlValue;
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
  roleName: XmlValue;
  /** The role name in lower case, as roles are compared. */
  role: string;
  /** ServiceId @Instance of the published form. */
  instance?: string;
  serviceVersion?: XmlValue;
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
  usage?: XmlValue;
  /** The ServiceUniqueId value, or the ServiceId element and how Topology Builder shows it, that names the service depended on. */
  reference: XmlValue;
  target?: TbService;
}

const inTopology = isTopologyBuilderNamespace;

function child(element: XmlElement, local: string): XmlElement | undefined {
  return childNamed(element, local, inTopology);
}

const BRACES = /^\{|\}$/g;

/** GUIDs compare case-insensitively, with or without braces. */
function guidKey(guid: string): string {
  let key = guid.trim();
  if (key.startsWith('{') || key.endsWith('}')) key = key.replace(BRACES, '');
  return lowerCase(key);
}

/** A ClusterId element, as `siteid/number`. */
function clusterIdKey(clusterId: XmlElement): string {
  return `${attributeValue(clusterId, 'SiteId') ?? ''}/${attributeValue(clusterId, 'Number') ?? ''}`.toLowerCase();
}

/** A SqlInstanceId element, by the ClusterId in it and its name. */
function sqlInstanceIdKey(sqlInstanceId: XmlElement): string {
  const clusterId = child(sqlInstanceId, 'ClusterId');
  return `${clusterId ? clusterIdKey(clusterId) : '?'}/${(attributeValue(sqlInstanceId, 'Name') ?? '').toLowerCase()}`;
}

function serviceIdKey(serviceId: XmlElement): string {
  return `${attributeValue(serviceId, 'SiteId') ?? ''}/${attributeValue(serviceId, 'RoleName') ?? ''}/${attributeValue(serviceId, 'Instance') ?? ''}`.toLowerCase();
}

function sameFqdn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Things read by the GUID (UniqueId) of the saved form and by the structured id of the published form. */
class ByReference<T> {
  readonly byGuid = new Map<string, T>();
  readonly byId = new Map<string, T>();
}

class DocumentReader {
  readonly document: TbDocument = { sites: [], clusters: [], sqlInstances: [], services: [] };
  private readonly sitesById = new Map<string, TbSite>();
  private readonly clusters = new ByReference<TbCluster>();
  private readonly sqlInstances = new ByReference<TbSqlInstance>();
  private readonly services = new ByReference<TbService>();
  /** Clusters of the published form, which name their site by a SiteId that may come later in the file. */
  private readonly clustersNamingSite: TbCluster[] = [];
  /** SQL Server instances of the published form outside their cluster, and the key of the ClusterId each names, in the order read. */
  private readonly instancesNamingCluster: { instance: TbSqlInstance; clusterKey: string }[] = [];

  read(topology: XmlElement): TbDocument {
    const domains = child(topology, 'InternalDomains');
    this.document.defaultDomain = domains && attributeNamed(domains, 'DefaultDomain');
    this.walk(topology, undefined, undefined);
    // References may name what comes later in the file: resolved once everything is read, in order.
    for (const cluster of this.clustersNamingSite) cluster.site = this.sitesById.get(cluster.siteReference!.value);
    for (const { instance, clusterKey } of this.instancesNamingCluster) this.attach(instance, this.clusters.byId.get(clusterKey));
    for (const service of this.document.services) {
      this.install(service);
      for (const dependency of service.dependencies) dependency.target = this.serviceNamedBy(dependency.element);
    }
    // Copies name their SQL Server instance through services that must be placed first.
    for (const service of this.document.services) for (const copy of service.copyElements) copy.sqlInstance = this.sqlInstanceNamedIn(copy.element);
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
    const site: TbSite = { element, siteId: attributeNamed(element, 'SiteId'), name: child(element, 'Name')?.text };
    this.document.sites.push(site);
    if (site.siteId && !this.sitesById.has(site.siteId.value)) this.sitesById.set(site.siteId.value, site);
    return site;
  }

  private cluster(element: XmlElement, enclosingSite: TbSite | undefined): void {
    // Its own Machine children, then those of its first Machines.
    const machines: TbMachine[] = [];
    let machinesElement: XmlElement | undefined;
    let clusterId: XmlElement | undefined;
    for (const c of element.children) {
      if (c.local === 'Machine' && inTopology(c.uri)) machines.push(machine(c));
      else if (c.local === 'Machines' && inTopology(c.uri)) machinesElement ??= c;
      else if (c.local === 'ClusterId' && inTopology(c.uri)) clusterId ??= c;
    }
    if (machinesElement) for (const m of machinesElement.children) if (m.local === 'Machine' && inTopology(m.uri)) machines.push(machine(m));
    const fqdn = attributeNamed(element, 'Fqdn');
    const siteId = clusterId && attributeNamed(clusterId, 'SiteId');
    const cluster: TbCluster = {
      element,
      fqdn,
      site: enclosingSite,
      siteReference: enclosingSite ? (enclosingSite.siteId ?? { value: '', span: enclosingSite.element.nameSpan }) : siteId,
      singleMachine: singleMachine(element, fqdn, machines),
      machinesElement,
      machines,
      sqlInstances: [],
      services: [],
    };
    this.document.clusters.push(cluster);
    const uniqueId = attributeValue(element, 'UniqueId');
    if (uniqueId !== undefined) this.clusters.byGuid.set(guidKey(uniqueId), cluster);
    if (clusterId) this.clusters.byId.set(clusterIdKey(clusterId), cluster);
    if (!enclosingSite && siteId) this.clustersNamingSite.push(cluster);
    this.walk(element, enclosingSite, cluster);
  }

  private sqlInstance(element: XmlElement, enclosingCluster: TbCluster | undefined): void {
    const sqlInstanceId = child(element, 'SqlInstanceId');
    const name = attributeNamed(element, 'Name') ?? (sqlInstanceId && attributeNamed(sqlInstanceId, 'Name')) ?? { value: '', span: element.nameSpan };
    const instance: TbSqlInstance = { element, name, cluster: enclosingCluster };
    this.document.sqlInstances.push(instance);
    const uniqueId = attributeValue(element, 'UniqueId');
    if (uniqueId !== undefined) this.sqlInstances.byGuid.set(guidKey(uniqueId), instance);
    if (sqlInstanceId) {
      const key = sqlInstanceIdKey(sqlInstanceId);
      if (!this.sqlInstances.byId.has(key)) this.sqlInstances.byId.set(key, instance);
      const clusterId = child(sqlInstanceId, 'ClusterId');
      if (!enclosingCluster && clusterId) this.instancesNamingCluster.push({ instance, clusterKey: clusterIdKey(clusterId) });
    }
    if (enclosingCluster) enclosingCluster.sqlInstances.push(instance);
  }

  private attach(instance: TbSqlInstance, cluster: TbCluster | undefined): void {
    instance.cluster = cluster;
    cluster?.sqlInstances.push(instance);
  }

  private service(element: XmlElement): void {
    let serviceId: XmlElement | undefined;
    let dependsOn: XmlElement | undefined;
    let ports: XmlElement | undefined;
    for (const c of element.children) {
      if (c.local === 'ServiceId' && inTopology(c.uri)) serviceId ??= c;
      else if (c.local === 'DependsOn' && inTopology(c.uri)) dependsOn ??= c;
      else if (c.local === 'Ports' && inTopology(c.uri)) ports ??= c;
    }
    const roleName = attributeNamed(element, 'RoleName') ?? (serviceId && attributeNamed(serviceId, 'RoleName')) ?? { value: '', span: element.nameSpan };
    const service: TbService = {
      element,
      roleName,
      role: roleName.value.toLowerCase(),
      instance: serviceId && attributeValue(serviceId, 'Instance'),
      serviceVersion: attributeNamed(element, 'ServiceVersion'),
      dependencies: dependsOn ? childrenNamed(dependsOn, 'Dependency', inTopology).map(readDependency) : [],
      ports: ports ? childrenNamed(ports, 'Port', inTopology) : [],
      copyElements: [],
    };
    addCopyElements(element, service.copyElements);
    this.document.services.push(service);
    const uniqueId = attributeValue(element, 'UniqueId');
    if (uniqueId !== undefined) this.services.byGuid.set(guidKey(uniqueId), service);
    if (serviceId) this.services.byId.set(serviceIdKey(serviceId), service);
  }

  /** The service a Dependency names, by ServiceUniqueId or by a ServiceId in it. */
  private serviceNamedBy(dependency: XmlElement): TbService | undefined {
    const uniqueId = attributeValue(dependency, 'ServiceUniqueId');
    if (uniqueId !== undefined) return this.services.byGuid.get(guidKey(uniqueId));
    const serviceId = child(dependency, 'ServiceId');
    return serviceId && this.services.byId.get(serviceIdKey(serviceId));
  }

  /** The SQL Server instance an element names: by a SqlInstanceId in it, or by a GUID of an instance or of a service installed on one. */
  private sqlInstanceNamedIn(element: XmlElement): TbSqlInstance | undefined {
    for (const e of descendantsAndSelf(element)) {
      if (e.local === 'SqlInstanceId') {
        const instance = this.sqlInstances.byId.get(sqlInstanceIdKey(e));
        if (instance) return instance;
      }
      for (const value of attributeValues(e)) {
        const key = guidKey(value);
        const instance = this.sqlInstances.byGuid.get(key) ?? this.services.byGuid.get(key)?.installedOn?.sqlInstance;
        if (instance) return instance;
      }
    }
    return undefined;
  }

  private install(service: TbService): void {
    const attribute = attributeNamed(service.element, 'InstalledOn');
    const installedOn = attribute ? undefined : child(service.element, 'InstalledOn');
    if (attribute) {
      const key = guidKey(attribute.value);
      service.installedOn = { span: attribute.span, written: attribute.value, cluster: this.clusters.byGuid.get(key), sqlInstance: this.sqlInstances.byGuid.get(key) };
    } else if (installedOn) {
      const clusterId = child(installedOn, 'ClusterId');
      const sqlInstanceId = child(installedOn, 'SqlInstanceId');
      service.installedOn = {
        span: installedOn.span,
        written: sqlInstanceId ? `SQL Server instance '${attributeValue(sqlInstanceId, 'Name') ?? ''}'` : clusterId ? `cluster ${clusterIdKey(clusterId)}` : '',
        cluster: clusterId ? this.clusters.byId.get(clusterIdKey(clusterId)) : undefined,
        sqlInstance: sqlInstanceId ? this.sqlInstances.byId.get(sqlInstanceIdKey(sqlInstanceId)) : undefined,
      };
    }
    service.installedOn?.cluster?.services.push(service);
  }
}

/**
 * IsSingleMachineOnly where the saved form says it; otherwise (the published form has no such attribute) a
 * cluster of at most one machine, whose FQDN, if any, is the cluster's own.
 */
function singleMachine(cluster: XmlElement, fqdn: XmlValue | undefined, machines: TbMachine[]): { value: boolean; span: Span } {
  const written = attributeNamed(cluster, 'IsSingleMachineOnly');
  if (written) return { value: written.value.trim().toLowerCase() === 'true', span: written.span };
  const only = machines[0];
  const single = machines.length <= 1 && (!only?.fqdn || !fqdn || sameFqdn(only.fqdn.value, fqdn.value));
  return { value: single, span: cluster.nameSpan };
}

function machine(element: XmlElement): TbMachine {
  return { element, fqdn: attributeNamed(element, 'Fqdn') };
}

function readDependency(element: XmlElement): TbDependency {
  const uniqueId = attributeNamed(element, 'ServiceUniqueId');
  const serviceId = uniqueId ? undefined : child(element, 'ServiceId');
  return {
    element,
    usage: attributeNamed(element, 'Usage'),
    reference: uniqueId ?? { value: serviceId ? describeServiceId(serviceId) : '', span: (serviceId ?? element).span },
  };
}

const COPY_WORDS = /mirror|backup|witness/i;
/** Where a service keeps what is known: its dependencies, ports and ids, which are read elsewhere. */
const READ_ELSEWHERE = new Set(['DependsOn', 'Ports', 'ServiceId', 'InstalledOn']);

/** The elements below `element` whose names speak of a mirror, a backup or a witness (not looking inside them). */
function addCopyElements(element: XmlElement, found: TbCopyElement[]): void {
  for (const c of element.children) {
    if (READ_ELSEWHERE.has(c.local)) continue;
    if (COPY_WORDS.test(c.local)) found.push({ element: c });
    else addCopyElements(c, found);
  }
}

function descendantsAndSelf(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendantsAndSelf)];
}

/** A ServiceId as Topology Builder shows it: `1-PersistentChatService-1`. */
function describeServiceId(serviceId: XmlElement): string {
  return ['SiteId', 'RoleName', 'Instance'].map((name) => attributeValue(serviceId, name) ?? '?').join('-');
}

/** Reads the topology element (PartialTopology of the saved form, Topology of the published one). */
export function readTopologyBuilderDocument(topology: XmlElement): TbDocument {
  return new DocumentReader().read(topology);
}
