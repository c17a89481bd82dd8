import type { TopologyAnalysis } from '../languageService';
import { DEFAULT_POOL_PORT, DEFAULT_SIP_PORT } from '../model/limits';
import type { PersistentChatServer, SqlStore } from '../model/model';
import { poolCapacity, poolDatabases } from '../model/poolFacts';
import { fqdnKey, instanceKey } from '../model/topologyIndex';
import type { Range, Severity, Span } from '../types';

export type DiagramNodeKind =
  | 'site'
  | 'dataCenter'
  | 'frontEndPool'
  | 'frontEndServer'
  | 'persistentChatPool'
  | 'persistentChatServer'
  | 'sqlComputer'
  | 'sqlInstance'
  | 'fileStore'
  | 'adminConsole'
  | 'globalCatalog';

export interface DiagramNode {
  id: string;
  kind: DiagramNodeKind;
  label: string;
  /** Further lines: the databases an instance hosts, a pool's ports. */
  details: string[];
  /** The compound node that holds this one. */
  parent?: string;
  /** Where the entity stands in the YAML. */
  range: Range;
  state?: 'active' | 'standby';
  /** Planned concurrent users against what the active servers carry. */
  capacity?: { planned?: number; capacity: number };
  /** The worst severity of the findings on this node, and their messages. */
  severity?: Severity;
  messages: string[];
}

export type DiagramEdgeKind = 'nextHop' | 'backEnd' | 'database' | 'compliance' | 'mirror' | 'logShipping' | 'fileStore';

export interface DiagramEdge {
  id: string;
  kind: DiagramEdgeKind;
  source: string;
  target: string;
  label?: string;
}

export interface DiagramModel {
  title: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  counts: Record<Severity, number>;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

/** The pool layout the preview and `pchat-topology render` draw, from the same model the rules judge. */
export function diagramModel(analysis: TopologyAnalysis): DiagramModel {
  const { topology, index, document } = analysis;
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const spans = new Map<string, Span>();
  const range = (span: Span): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const byId = new Map<string, DiagramNode>();
  const add = (node: Omit<DiagramNode, 'range' | 'messages'>, span: Span) => {
    const full = { ...node, range: range(span), messages: [] };
    nodes.push(full);
    byId.set(node.id, full);
    spans.set(node.id, span);
  };
  const siteNode = (siteId: string | undefined) => (siteId && index.entity(siteId)?.kind === 'site' ? `site:${siteId}` : undefined);

  for (const site of topology.sites) add({ id: `site:${site.id.value}`, kind: 'site', label: site.name?.value ?? site.id.value, details: [] }, site.span);

  for (const pool of topology.frontEndPools) {
    const id = `fe:${pool.id.value}`;
    const standard = pool.edition?.value === 'standard';
    add({ id, kind: 'frontEndPool', label: `${standard ? 'Standard Edition' : 'Front End pool'} ${pool.id.value}`, details: [pool.fqdn?.value ?? ''], parent: siteNode(pool.site?.value) }, pool.span);
    if (!standard) pool.servers.forEach((server, i) => add({ id: `${id}/server:${i}`, kind: 'frontEndServer', label: server.value, details: [], parent: id }, server.span));
  }

  const computers = new Map<string, string>();
  const instances = new Map<string, string>();
  for (const store of topology.sqlStores) {
    if (!store.fqdn || !instanceKey(store)) continue;
    const computer = `sql:${fqdnKey(store.fqdn.value)}`;
    if (!computers.has(computer)) {
      computers.set(computer, computer);
      add({ id: computer, kind: 'sqlComputer', label: store.fqdn.value, details: store.dataCenter ? [`data center ${store.dataCenter.value}`] : [], parent: siteNode(store.site?.value) }, store.fqdn.span);
    }
    const key = instanceKey(store)!;
    if (instances.has(key)) continue;
    const instanceId = `${computer}/${store.instance?.value ?? 'default'}`;
    instances.set(key, instanceId);
    add({ id: instanceId, kind: 'sqlInstance', label: `${store.instance?.value ?? 'default instance'} (${store.id.value})`, details: [], parent: computer }, store.span);
  }
  const instanceOf = (store: SqlStore | undefined) => (store && instanceKey(store) ? instances.get(instanceKey(store)!) : undefined);
  const nouns = { backEnd: 'back end', persistentChat: 'Persistent Chat', compliance: 'compliance' } as const;
  for (const db of index.databases) {
    const instance = byId.get(instanceOf(db.store) ?? '');
    instance?.details.push(`${nouns[db.kind]}${db.role === 'store' ? '' : ` ${db.role === 'backupMirror' ? 'backup mirror' : db.role}`} · ${db.owner.id.value}`);
  }

  for (const pool of topology.persistentChatPools) {
    const id = `pc:${pool.id.value}`;
    const ports = [pool.poolPort?.value ?? DEFAULT_POOL_PORT];
    add(
      {
        id,
        kind: 'persistentChatPool',
        label: `Persistent Chat pool ${pool.id.value}`,
        details: [`${pool.fqdn?.value ?? ''} · pool port ${ports[0]}`],
        parent: siteNode(pool.site?.value),
        capacity: { planned: pool.concurrentUsers?.value, capacity: poolCapacity(pool) },
      },
      pool.span,
    );
    const centers = [...new Set(pool.servers.map((s) => s.dataCenter?.value).filter((c): c is string => !!c))];
    for (const center of centers.length > 1 ? centers : []) add({ id: `${id}/dc:${center}`, kind: 'dataCenter', label: `data center ${center}`, details: [], parent: id }, pool.span);
    pool.servers.forEach((server: PersistentChatServer, i) => {
      const dc = centers.length > 1 && server.dataCenter ? `${id}/dc:${server.dataCenter.value}` : id;
      add({ id: `${id}/server:${i}`, kind: 'persistentChatServer', label: server.fqdn?.value ?? '?', details: [], parent: dc, state: server.state?.value ?? 'active' }, server.span);
    });
    const hop = index.resolve(pool.nextHop, 'frontEndPool');
    if (hop) edges.push({ id: `${id}->nextHop`, kind: 'nextHop', source: id, target: `fe:${hop.id.value}`, label: `SIP ${pool.sipPort?.value ?? DEFAULT_SIP_PORT}` });
    for (const { kind, placement } of poolDatabases(pool)) {
      const primary = instanceOf(index.resolve(placement.store, 'sqlStore'));
      const mirror = instanceOf(index.resolve(placement.mirror, 'sqlStore'));
      const backup = instanceOf(index.resolve(placement.backup, 'sqlStore'));
      const backupMirror = instanceOf(index.resolve(placement.backupMirror, 'sqlStore'));
      const tag = kind === 'compliance' ? 'compliance' : 'database';
      if (primary) edges.push({ id: `${id}->${tag}`, kind: tag, source: id, target: primary, label: kind === 'compliance' ? 'compliance' : undefined });
      if (primary && mirror) edges.push({ id: `${id}->${tag}/mirror`, kind: 'mirror', source: primary, target: mirror, label: 'mirror' });
      if (primary && backup) edges.push({ id: `${id}->${tag}/backup`, kind: 'logShipping', source: primary, target: backup, label: 'log shipping' });
      if (backup && backupMirror) edges.push({ id: `${id}->${tag}/backupMirror`, kind: 'mirror', source: backup, target: backupMirror, label: 'mirror' });
    }
  }
  for (const pool of topology.frontEndPools) {
    const backEnd = instanceOf(index.resolve(pool.backEnd, 'sqlStore'));
    if (backEnd) edges.push({ id: `fe:${pool.id.value}->backEnd`, kind: 'backEnd', source: `fe:${pool.id.value}`, target: backEnd, label: 'back end' });
  }

  for (const store of topology.fileStores) add({ id: `fs:${store.id.value}`, kind: 'fileStore', label: `File store ${store.id.value}`, details: [`\\\\${store.fqdn?.value ?? '?'}\\${store.share?.value ?? '?'}`], parent: siteNode(store.site?.value) }, store.span);
  for (const [prefix, pools] of [['fe', topology.frontEndPools], ['pc', topology.persistentChatPools]] as const) {
    for (const pool of pools) {
      const store = index.resolve(pool.fileStore, 'fileStore');
      if (store) edges.push({ id: `${prefix}:${pool.id.value}->fileStore`, kind: 'fileStore', source: `${prefix}:${pool.id.value}`, target: `fs:${store.id.value}` });
    }
  }
  topology.adminConsoles.forEach((c, i) => c.fqdn && add({ id: `admin:${i}`, kind: 'adminConsole', label: `Admin console ${c.fqdn.value}`, details: [], parent: undefined }, c.span));
  if (topology.globalCatalog) add({ id: 'gc', kind: 'globalCatalog', label: `Global catalog ${topology.globalCatalog.value}`, details: [], parent: undefined }, topology.globalCatalog.span);

  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of analysis.findings) {
    counts[finding.severity]++;
    const at = document.offsetAt(finding.range.start);
    let best: DiagramNode | undefined;
    let bestSize = Infinity;
    for (const node of nodes) {
      const span = spans.get(node.id)!;
      if (node.kind !== 'dataCenter' && span.start <= at && at <= span.end && span.end - span.start < bestSize) {
        best = node;
        bestSize = span.end - span.start;
      }
    }
    if (!best) continue;
    best.messages.push(`${finding.code}: ${finding.message}`);
    if (!best.severity || SEVERITY_ORDER.indexOf(finding.severity) < SEVERITY_ORDER.indexOf(best.severity)) best.severity = finding.severity;
  }
  return { title: topology.name?.value ?? 'Topology', nodes, edges, counts };
}
