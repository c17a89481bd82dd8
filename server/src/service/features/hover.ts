import type { TopologyAnalysis } from '../languageService';
import { MAX_ACCESS_CONTROL_ENTRIES, MAX_ACTIVE_SERVERS, MAX_CONCURRENT_USERS, MAX_INVITATIONS, USERS_PER_ACTIVE_SERVER } from '../model/limits';
import type { Entity, FileStore, FrontEndPool, PersistentChatPool, PersistentChatServer, Site, SqlStore } from '../model/model';
import { activeServers, poolCapacity, poolDatabases, standbyServers } from '../model/poolFacts';
import { fqdnKey } from '../model/topologyIndex';
import { ALL_RULES } from '../rules';
import { ROLE_NOUNS, count, label } from '../rules/wording';
import { schemaAt } from '../schema/schemaAt';
import type { TopologyBuilderReading } from '../topologyBuilder/readTopologyBuilder';
import type { Position, Range, Span } from '../types';
import { elementAt, placeAt } from './entityAt';

export interface HoverResult {
  markdown: string;
  range: Range;
}

const code = (s: string) => `\`${s}\``;

export function sqlInstanceName(store: SqlStore): string {
  return `${store.fqdn?.value ?? '?'}\\${store.instance?.value ?? 'default instance'}`;
}

function storeLine(analysis: TopologyAnalysis, id: string): string {
  const store = analysis.index.entity(id);
  return store?.kind === 'sqlStore' ? `${code(store.id.value)} on ${sqlInstanceName(store)}` : `${code(id)} (no such SQL store)`;
}

/** A chat-room planning figure of a pool against Microsoft's limit (PC219). */
function roomAccessFigure(noun: string, planned: number | undefined, limit: number): string {
  if (planned === undefined) return `${noun} not planned (at most ${count(limit)})`;
  const share = `**${count(planned)}** ${noun} of at most ${count(limit)} (${Math.round((planned / limit) * 100)}%)`;
  return planned > limit ? `${share}, over the limit (PC219)` : share;
}

function persistentChatPoolHover(analysis: TopologyAnalysis, pool: PersistentChatPool): string {
  const { index } = analysis;
  const active = activeServers(pool).length;
  const standby = standbyServers(pool).length;
  const capacity = poolCapacity(pool);
  const planned = pool.concurrentUsers?.value;
  const nextHop = index.resolve(pool.nextHop, 'frontEndPool');
  const lines = [
    `**Persistent Chat pool ${code(pool.id.value)}** — ${pool.fqdn?.value ?? 'no FQDN'}`,
    '',
    `${pool.deployment?.value ?? '?'} deployment · ${active} active · ${standby} standby`,
    '',
    `Capacity: ${Math.min(active, MAX_ACTIVE_SERVERS)} active × ${count(USERS_PER_ACTIVE_SERVER)} = **${count(capacity)}** concurrent users (at most ${count(MAX_CONCURRENT_USERS)} a pool)` +
      (planned !== undefined ? `; planned **${count(planned)}** (${capacity ? Math.round((planned / capacity) * 100) : '∞'}%)` : ''),
    '',
    `Chat room access: ${roomAccessFigure('access control entries', pool.accessControlEntries?.value, MAX_ACCESS_CONTROL_ENTRIES)} · ${roomAccessFigure('invitations', pool.invitations?.value, MAX_INVITATIONS)}`,
    '',
    `Next hop: ${nextHop ? `${label(nextHop)} (${nextHop.edition?.value === 'standard' ? 'Standard Edition server' : 'Enterprise Edition pool'} ${nextHop.fqdn?.value ?? ''})` : pool.nextHop ? code(pool.nextHop.value) : '—'}`,
  ];
  for (const { noun, placement } of poolDatabases(pool)) {
    const copies = (['store', 'mirror', 'backup', 'backupMirror'] as const).filter((r) => placement[r]).map((r) => `${ROLE_NOUNS[r]} ${storeLine(analysis, placement[r]!.value)}`);
    lines.push('', `${noun[0].toUpperCase()}${noun.slice(1)}: ${copies.join('; ') || '—'}`);
  }
  if (pool.compliance?.enabled?.value !== true) lines.push('', 'Compliance: disabled');
  return lines.join('\n');
}

function collocation(analysis: TopologyAnalysis, fqdn: string): string {
  const se = analysis.index.standardEditionServers.get(fqdnKey(fqdn));
  if (se) return `collocated on Standard Edition server ${code(se.id.value)}: supported`;
  const ee = analysis.index.enterpriseServers.get(fqdnKey(fqdn));
  if (ee) return `collocated on a Front End server of Enterprise Edition pool ${code(ee.pool.id.value)}: **not supported** (PC101)`;
  return 'a dedicated server';
}

function persistentChatServerHover(analysis: TopologyAnalysis, pool: PersistentChatPool, server: PersistentChatServer): string {
  const fqdn = server.fqdn?.value ?? '?';
  return [
    `**Persistent Chat server ${fqdn}**`,
    '',
    `${server.state?.value ?? 'active'} server of pool ${code(pool.id.value)}` + (server.dataCenter ? ` · data center ${server.dataCenter.value}` : ''),
    '',
    `Collocation: ${collocation(analysis, fqdn)}`,
  ].join('\n');
}

function sqlStoreHover(analysis: TopologyAnalysis, store: SqlStore): string {
  const hosted = analysis.index.databases.filter((db) => db.store === store);
  const nouns = { backEnd: 'back-end database', persistentChat: 'Persistent Chat database', compliance: 'compliance database' };
  const lines = [
    `**SQL store ${code(store.id.value)}** — ${sqlInstanceName(store)}`,
    '',
    `${store.edition?.value ?? 'standard'} edition` + (store.dataCenter ? ` · data center ${store.dataCenter.value}` : '') + (store.alwaysOn?.value ? ' · AlwaysOn' : ''),
    '',
    hosted.length ? 'Hosts:' : 'Hosts no database.',
  ];
  for (const db of hosted) {
    const verdicts = analysis.findings.filter((f) => f.range.start.line === analysis.document.positionAt(db.ref.span.start).line && f.code !== 'PC004');
    lines.push(`- ${db.role === 'store' ? '' : `${ROLE_NOUNS[db.role]} of the `}${nouns[db.kind]} of ${label(db.owner)}` + verdicts.map((f) => ` — ${f.code}: ${f.message}`).join(''));
  }
  return lines.join('\n');
}

function frontEndPoolHover(analysis: TopologyAnalysis, pool: FrontEndPool): string {
  const backEnd = analysis.index.resolve(pool.backEnd, 'sqlStore');
  const hops = analysis.topology.persistentChatPools.filter((p) => p.nextHop?.value === pool.id.value).map((p) => code(p.id.value));
  return [
    `**${pool.edition?.value === 'standard' ? 'Standard Edition server' : 'Enterprise Edition Front End pool'} ${code(pool.id.value)}** — ${pool.fqdn?.value ?? '?'}`,
    '',
    pool.edition?.value === 'standard' ? 'One server' : `${pool.servers.length} Front End server(s)`,
    '',
    `Back end: ${backEnd ? `${code(backEnd.id.value)} on ${sqlInstanceName(backEnd)}` : '—'}`,
    '',
    `Next hop of Persistent Chat pools: ${hops.join(', ') || '—'}`,
  ].join('\n');
}

function siteHover(analysis: TopologyAnalysis, site: Site): string {
  const members = analysis.topology.references.filter((r) => r.key === 'site' && r.field.value === site.id.value).map((r) => label(r.owner));
  return [`**Site ${code(site.id.value)}**${site.name ? ` — ${site.name.value}` : ''}`, '', members.length ? `Holds ${members.join(', ')}` : 'Holds nothing yet.'].join('\n');
}

function fileStoreHover(store: FileStore): string {
  return `**File store ${code(store.id.value)}** — \\\\${store.fqdn?.value ?? '?'}\\${store.share?.value ?? '?'}`;
}

export function entityHover(analysis: TopologyAnalysis, entity: Entity): string {
  switch (entity.kind) {
    case 'persistentChatPool':
      return persistentChatPoolHover(analysis, entity);
    case 'sqlStore':
      return sqlStoreHover(analysis, entity);
    case 'frontEndPool':
      return frontEndPoolHover(analysis, entity);
    case 'site':
      return siteHover(analysis, entity);
    case 'fileStore':
      return fileStoreHover(entity);
  }
}

function keyHover(path: (string | number)[]): string | undefined {
  const schema = schemaAt(path);
  const key = path[path.length - 1];
  if (!schema?.description || typeof key !== 'string') return undefined;
  const lines = [`**${key}**`, '', schema.description];
  if (schema.enum) lines.push('', `Allowed: ${schema.enum.map(code).join(' · ')}`);
  if (schema.minimum !== undefined) lines.push('', `From ${count(schema.minimum)} to ${count(schema.maximum ?? Infinity)}`);
  if (schema.default !== undefined) lines.push('', `Default: ${code(String(schema.default))}`);
  return lines.join('\n');
}

function findingsHover(analysis: TopologyAnalysis, offset: number, ruleDocsUri: (id: string) => string): string[] {
  const { document } = analysis;
  return analysis.findings
    .filter((f) => document.offsetAt(f.range.start) <= offset && offset <= document.offsetAt(f.range.end))
    .map((f) => {
      const rule = ALL_RULES.find((r) => r.id === f.code)!;
      const lines = [`**${rule.id}** · ${rule.title}`];
      if (rule.quote) lines.push('', rule.quoteIsParaphrase ? `In our words: ${rule.quote}` : `> ${rule.quote}`);
      if (rule.sources.length > 0) lines.push('', `— ${rule.sources.map((page) => `[${page.title}](${page.url}) (${page.product})`).join(' · ')}`);
      if (rule.inference) lines.push('', rule.inference);
      lines.push('', `[${rule.id} docs](${ruleDocsUri(rule.id)})`);
      return lines.join('\n');
    });
}

function frontEndServerHover(pool: FrontEndPool, fqdn: string): string {
  return `**Front End server ${fqdn}** of ${pool.edition?.value === 'standard' ? 'Standard Edition server' : 'Enterprise Edition pool'} ${code(pool.id.value)}`;
}

/** The run of characters under the offset that is neither markup nor space: an attribute value or a name. */
function xmlWordAt(text: string, offset: number): Span {
  const part = /[^\s"'<>=/]/;
  let start = offset;
  let end = offset;
  while (start > 0 && part.test(text[start - 1])) start--;
  while (end < text.length && part.test(text[end])) end++;
  return { start, end };
}

/** The facts of the cluster, machine, SQL instance or service under the offset in a Topology Builder file. */
function topologyBuilderAbout(analysis: TopologyAnalysis, reading: TopologyBuilderReading, offset: number): { about?: string; span: Span } | undefined {
  const element = elementAt(reading, offset);
  if (!element) return undefined;
  const span = xmlWordAt(analysis.document.getText(), offset);
  const place = placeAt(analysis, offset);
  const target = place.id && !place.id.isDefinition ? analysis.index.entity(place.id.field.value) : undefined;
  if (target) return { about: entityHover(analysis, target), span };
  const [entity] = element.entities;
  if (element.kind === 'machine' && entity?.kind === 'persistentChatPool' && element.server) {
    return { about: persistentChatServerHover(analysis, entity, element.server), span };
  }
  const within = (s: Span) => element.span.start <= s.start && s.end <= element.span.end;
  const frontEndServer = entity?.kind === 'frontEndPool' && element.kind === 'machine' ? entity.servers.find((s) => within(s.span)) : undefined;
  if (entity?.kind === 'frontEndPool' && frontEndServer) return { about: frontEndServerHover(entity, frontEndServer.value), span };
  const about = element.entities.map((e) => entityHover(analysis, e)).join('\n\n---\n\n');
  return { about: about || undefined, span };
}

/** What an administrator would ask at this spot in the YAML, answered from the model and the schema. */
function yamlAbout(analysis: TopologyAnalysis, offset: number): { about?: string; span: Span } | undefined {
  const place = placeAt(analysis, offset);
  const { entity } = place;
  const location = place.location!;
  const path = location.path;
  let about: string | undefined;
  if (location.onKey) about = keyHover(path);
  else if (place.id && !place.id.isDefinition) {
    const target = analysis.index.entity(place.id.field.value);
    about = target ? entityHover(analysis, target) : undefined;
  } else if (entity?.kind === 'persistentChatPool' && path[2] === 'servers' && typeof path[3] === 'number') {
    const server = entity.servers.find((s) => s.path[3] === path[3]);
    if (server) about = persistentChatServerHover(analysis, entity, server);
  } else if (entity?.kind === 'frontEndPool' && path[2] === 'servers' && typeof path[3] === 'number') {
    const fqdn = entity.servers[path[3]]?.value;
    if (fqdn) about = frontEndServerHover(entity, fqdn);
  } else if (entity && (path.length === 3 || path.length === 2)) {
    about = path[2] === 'id' || path[2] === 'fqdn' || path.length === 2 ? entityHover(analysis, entity) : keyHover(path);
  } else if (path.length > 0) {
    about = keyHover(path);
  }
  if (!location.node?.range) return undefined;
  return { about, span: { start: location.node.range[0], end: location.node.range[1] } };
}

/** What an administrator would ask at this spot, answered from the model, with the findings there. */
export function hover(analysis: TopologyAnalysis, position: Position, ruleDocsUri: (id: string) => string): HoverResult | undefined {
  const { document, source } = analysis;
  const offset = document.offsetAt(position);
  const parts = findingsHover(analysis, offset, ruleDocsUri);
  const at = source.syntax === 'topologyBuilder' ? topologyBuilderAbout(analysis, source.reading, offset) : yamlAbout(analysis, offset);
  if (at?.about) parts.push(at.about);
  if (parts.length === 0 || !at) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range: { start: document.positionAt(at.span.start), end: document.positionAt(at.span.end) } };
}
