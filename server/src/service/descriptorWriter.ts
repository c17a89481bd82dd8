import type {
  AdminConsole,
  Compliance,
  DatabasePlacement,
  Field,
  FileStore,
  FrontEndPool,
  PersistentChatPool,
  PersistentChatServer,
  Site,
  SqlStore,
  Topology,
} from './model/model';

type Scalar = string | number | boolean;

/** Lines of YAML, indented relative to the map they belong to. */
type Lines = string[];

const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** Anything a YAML reader might take for a number: quoted, whatever it is. */
const NUMBER_LIKE = /^[-+]?\.?\d|^[-+]?\.(?:inf|nan)$/i;
/** Text that is a plain scalar as it stands: no indicator first, no `: ` or ` #`, no space last. */
const PLAIN = /^[A-Za-z0-9_(][A-Za-z0-9_ .,@()'/-]*(?<! )$/;

/** A value as YAML writes it: plain where it reads back as the same string, double-quoted (JSON's escapes are YAML's) otherwise. */
export function yamlScalar(value: Scalar): string {
  if (typeof value !== 'string') return String(value);
  return PLAIN.test(value) && !YAML_WORDS.test(value) && !NUMBER_LIKE.test(value) ? value : JSON.stringify(value);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const pair = (key: string, field: Field<Scalar> | undefined): Lines => (field ? [`${key}: ${yamlScalar(field.value)}`] : []);

/** A key Topology Builder does not hold: its value when the model has one, else the key commented out with what it means. */
const planned = (key: string, field: Field<Scalar> | undefined, meaning: string): Lines => (field ? pair(key, field) : [`# ${key}:  # ${meaning}`]);

const indented = (lines: Lines, by = '  '): Lines => lines.map((line) => by + line);

/** Where Topology Builder holds the entity, as a comment above it. */
const originComment = (origin: string | undefined): Lines => (origin ? [`# Topology Builder: ${oneLine(origin)}`] : []);

/** One item of a list: its origin above it, its first line after `- `. */
function listItem(origin: string | undefined, body: Lines): Lines {
  const [first = '{}', ...rest] = body;
  return [...originComment(origin), `- ${first}`, ...indented(rest)];
}

/** A list under its key, left out when it is empty. */
function section(key: string, items: Lines[]): Lines {
  return items.length ? ['', `${key}:`, ...items.flatMap((item) => indented(item))] : [];
}

/** A map under its key, with its origin above the key. */
const nested = (key: string, origin: string | undefined, body: Lines): Lines => [...originComment(origin), `${key}:`, ...indented(body)];

const site = (s: Site): Lines => listItem(s.origin, [...pair('id', s.id), ...pair('name', s.name)]);

const sqlStore = (s: SqlStore): Lines =>
  listItem(s.origin, [
    ...pair('id', s.id),
    ...pair('fqdn', s.fqdn),
    ...pair('instance', s.instance),
    ...planned('edition', s.edition, 'enterprise | standard | express (Topology Builder does not say; default standard)'),
    ...pair('site', s.site),
    ...planned('dataCenter', s.dataCenter, 'physical data center of the SQL Server computer'),
    ...planned('alwaysOn', s.alwaysOn, 'true when the instance is in an AlwaysOn availability group'),
  ]);

const fileStore = (f: FileStore): Lines => listItem(f.origin, [...pair('id', f.id), ...pair('fqdn', f.fqdn), ...pair('share', f.share), ...pair('site', f.site)]);

const frontEndPool = (p: FrontEndPool): Lines =>
  listItem(p.origin, [
    ...pair('id', p.id),
    ...pair('edition', p.edition),
    ...pair('fqdn', p.fqdn),
    ...pair('site', p.site),
    ...(p.servers.length ? ['servers:', ...p.servers.map((s) => `  - ${yamlScalar(s.value)}`)] : []),
    ...pair('backEnd', p.backEnd),
    ...pair('fileStore', p.fileStore),
    ...planned('timeZone', p.timeZone, "the pool's time zone, e.g. Pacific Standard Time"),
  ]);

const persistentChatServer = (s: PersistentChatServer): Lines =>
  listItem(s.origin, [
    ...pair('fqdn', s.fqdn),
    ...planned('state', s.state, 'active (the default) | standby'),
    ...planned('dataCenter', s.dataCenter, 'physical data center of the server'),
    ...planned('timeZone', s.timeZone, "overrides the pool's timeZone"),
  ]);

const copies = (d: DatabasePlacement): Lines => [...pair('store', d.store), ...pair('mirror', d.mirror), ...pair('backup', d.backup), ...pair('backupMirror', d.backupMirror)];

const compliance = (c: Compliance): Lines => nested('compliance', c.origin, [...pair('enabled', c.enabled), ...copies(c)]);

/** The product Topology Builder's ServiceVersion stands for, where it is known. */
const PRODUCTS: Readonly<Record<number, string>> = { 6: 'Lync Server 2013', 7: 'Skype for Business Server 2015', 8: 'Skype for Business Server 2019' };

function serviceVersion(field: Field<number> | undefined): Lines {
  if (!field) return [];
  const product = PRODUCTS[field.value];
  return [`# Topology Builder's ServiceVersion: ${field.value}${product ? ` (${product})` : ''}; the descriptor has no key for it.`];
}

const persistentChatPool = (p: PersistentChatPool): Lines =>
  listItem(p.origin, [
    ...pair('id', p.id),
    ...pair('fqdn', p.fqdn),
    ...pair('site', p.site),
    ...pair('deployment', p.deployment),
    ...pair('nextHop', p.nextHop),
    ...pair('sipPort', p.sipPort),
    ...pair('poolPort', p.poolPort),
    ...serviceVersion(p.serviceVersion),
    ...planned('concurrentUsers', p.concurrentUsers, 'planned peak concurrent users (1 to 10,000,000)'),
    ...planned('provisionedUsers', p.provisionedUsers, 'users enabled for Persistent Chat by policy (1 to 10,000,000)'),
    ...planned('accessControlEntries', p.accessControlEntries, 'room access control entries (0 to 1,000,000,000)'),
    ...planned('invitations', p.invitations, 'invitations the server generates (0 to 1,000,000,000)'),
    ...planned('timeZone', p.timeZone, "default time zone of the pool's servers, e.g. Pacific Standard Time"),
    ...(p.servers.length ? ['servers:', ...indented(p.servers.flatMap(persistentChatServer))] : []),
    ...(p.database ? nested('database', p.database.origin, copies(p.database)) : []),
    ...(p.compliance ? compliance(p.compliance) : []),
    ...pair('fileStore', p.fileStore),
  ]);

const adminConsole = (a: AdminConsole): Lines => listItem(a.origin, pair('fqdn', a.fqdn));

const ADMIN_CONSOLES_PLACEHOLDER: Lines = ['', '# adminConsoles:  # computers that run Lync Server Control Panel', '#   - fqdn:'];

function header(source: string, leftOut: readonly string[]): Lines {
  const notes = leftOut.length
    ? ['#', '# Left out, as pchat-topology did not understand them (checking the file leaves them out too):', ...leftOut.map((note) => `#   ${oneLine(note)}`)]
    : [];
  return [
    `# Imported by pchat-topology import from the Topology Builder file ${oneLine(source)}.`,
    '# Topology Builder keeps the real topology; this descriptor is a copy to plan with. The',
    '# comment above each entity names where Topology Builder holds it. The keys commented',
    '# out are planning figures Topology Builder does not hold: the rules that need them stay',
    '# silent until you fill them in.',
    ...notes,
  ];
}

/**
 * The topology as a descriptor (topology-format.md): a header naming `source`, a comment above each entity on where
 * it came from, every value the model holds, and the planning keys Topology Builder lacks, commented out. `leftOut`
 * says, one line each, what the reader of `source` could not place in the model.
 */
export function writeDescriptor(topology: Topology, source: string, leftOut: readonly string[] = []): string {
  const lines: Lines = [
    ...header(source, leftOut),
    ...pair('topology', topology.name),
    ...pair('domain', topology.domain),
    ...planned('globalCatalog', topology.globalCatalog, 'a global catalog server in the forest root (for admin consoles)'),
    '',
    ...(topology.sites.length ? ['sites:', ...indented(topology.sites.flatMap(site))] : ['sites: []']),
    ...section('sqlStores', topology.sqlStores.map(sqlStore)),
    ...section('fileStores', topology.fileStores.map(fileStore)),
    ...section('frontEndPools', topology.frontEndPools.map(frontEndPool)),
    ...section('persistentChatPools', topology.persistentChatPools.map(persistentChatPool)),
    ...(topology.adminConsoles.length ? section('adminConsoles', topology.adminConsoles.map(adminConsole)) : ADMIN_CONSOLES_PLACEHOLDER),
  ];
  return lines.join('\n') + '\n';
}
