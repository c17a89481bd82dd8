import assert from 'node:assert/strict';
import { applyFix, codesOf, findingsOf, newErrors, unchangedOutside } from '../helpers';
import type { Finding, QuickFix } from '../../server/src/service/types';

// The base descriptors and assertion helpers the rule tests share.

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
export function change(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture must contain ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

/** `text` with each `[from, to]` pair applied in turn by `change`. */
export const changes = (text: string, pairs: ReadonlyArray<readonly [string, string]>) => pairs.reduce((t, [from, to]) => change(t, from, to), text);

/** The index of the line of `text` that reads `line` exactly, or -1. */
export const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

/** The comments in `text`, each from its `#` to the end of its line. */
export const commentsIn = (text: string): string[] => text.match(/#[^\r\n]*/g) ?? [];

/**
 * The one finding `text` raises: `text` raises exactly the rule ids `codes` (by default only `code`), exactly one
 * finding of `code`, and (when given) with `severity`.
 */
export function soleFinding(text: string, code: string, severity?: Finding['severity'], codes = [code]): Finding {
  assert.deepEqual(codesOf(text), codes);
  const findings = findingsOf(text, code);
  assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
  if (severity !== undefined) assert.equal(findings[0].severity, severity);
  return findings[0];
}

export interface FixChecks {
  /** The comments that must survive the fix; by default every comment in the text before it. */
  comments?: string[];
  /** Whether the text after the fix must raise nothing at all. */
  clean?: boolean;
}

/**
 * `before` with `fix` applied, having checked that the fix clears every `code` finding, adds no errors, leaves the
 * lines it does not touch as they were and keeps the comments.
 */
export function assertFixWorks(before: string, fix: QuickFix, code: string, { comments = commentsIn(before), clean = false }: FixChecks = {}): string {
  const after = applyFix(before, fix);
  assert.deepEqual(findingsOf(after, code), []);
  if (clean) assert.deepEqual(codesOf(after), []);
  assert.deepEqual(
    newErrors(before, after).map((f) => `${f.code} ${f.message}`),
    [],
  );
  assert.ok(unchangedOutside(before, after, fix), 'the fix changed lines it does not touch');
  for (const comment of comments) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
}

/** One of Contoso's SQL stores (in site redmond), in the long form `CONTOSO_EE` uses. */
export const contosoSql = (id: string, host: string, instance: string) => `  - id: ${id}
    fqdn: ${host}.corp.contoso.com
    instance: ${instance}
    edition: enterprise
    site: redmond
`;

/** A valid Enterprise Edition topology: one Front End pool and a two-server Persistent Chat pool, with no comment but its title line. */
export const CONTOSO_EE = `# Contoso: one Enterprise Edition pool and a Persistent Chat pool
topology: Contoso production
domain: corp.contoso.com

sites:
  - id: redmond

sqlStores:
${contosoSql('sql-be', 'sqlbe01', 'RTC')}${contosoSql('sql-pc', 'sqlpc01', 'PCHAT')}
fileStores:
  - id: fs
    fqdn: fs01.corp.contoso.com
    share: lyncshare
    site: redmond

frontEndPools:
  - id: fe
    edition: enterprise
    fqdn: pool01.corp.contoso.com
    site: redmond
    servers:
      - fe01.corp.contoso.com
      - fe02.corp.contoso.com
    backEnd: sql-be
    fileStore: fs

persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe
    servers:
      - fqdn: pc01.corp.contoso.com
      - fqdn: pc02.corp.contoso.com
    database:
      store: sql-pc
    fileStore: fs
`;

/** Contoso's file store fs, in site redmond. */
const CONTOSO_FS = `fileStores:
  - id: fs
    fqdn: fs01.corp.contoso.com
    share: lyncshare
    site: redmond
`;

/** Contoso's Front End pool fe-redmond, in the short form the stretched and compact Contosos use. */
const FE_REDMOND = `  - id: fe-redmond
    edition: enterprise
    fqdn: pool01.corp.contoso.com
    site: redmond
    servers: [fe01.corp.contoso.com, fe02.corp.contoso.com]
    backEnd: sql-be
`;

/** The first lines of the stretched and compact Contosos' Persistent Chat pool, up to its next hop fe-redmond. */
const PCHAT_REDMOND = `  - id: pchat
    fqdn: pchat.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe-redmond
    fileStore: fs
`;

export type DataCenters = Partial<Record<'pc' | 'pcMirror' | 'dr' | 'drMirror' | 'comp' | 'compMirror', string>>;

const dataCenter = (name: string | undefined) => (name === undefined ? '' : `    dataCenter: ${name}\n`);

/** Contoso's stretched pool (the ee-multiple-server example) with the data centers of its SQL stores given by the caller. */
export const contosoStretched = (centers: DataCenters = {}) => {
  const c = { pc: 'seattle', pcMirror: 'seattle', dr: 'portland', drMirror: 'portland', ...centers };
  const stores: Array<[string, string, string, string | undefined]> = [
    ['sql-pc', 'sqlpc01', 'PCHAT', c.pc],
    ['sql-pc-mirror', 'sqlpc02', 'PCHAT', c.pcMirror],
    ['sql-pc-dr', 'sqlpc11', 'PCHAT', c.dr],
    ['sql-pc-dr-mirror', 'sqlpc12', 'PCHAT', c.drMirror],
    ['sql-comp', 'sqlcomp01', 'PCHATCOMP', c.comp],
    ['sql-comp-mirror', 'sqlcomp02', 'PCHATCOMP', c.compMirror],
  ];
  return `# Contoso: stretched Persistent Chat pool, Seattle and Portland
topology: Contoso production
domain: corp.contoso.com
globalCatalog: gc01.contoso.com

sites:
  - id: redmond

sqlStores:
${contosoSql('sql-be', 'sqlbe01', 'RTC')}${stores.map(([id, host, instance, center]) => contosoSql(id, host, instance) + dataCenter(center)).join('')}
${CONTOSO_FS}
frontEndPools:
${FE_REDMOND}
persistentChatPools:
${PCHAT_REDMOND}    servers:
      - fqdn: pc01.corp.contoso.com
        dataCenter: seattle
      - fqdn: pc05.corp.contoso.com
        state: standby
        dataCenter: portland
    database:
      store: sql-pc
      mirror: sql-pc-mirror          # synchronous mirror
      backup: sql-pc-dr              # log shipping to Portland
      backupMirror: sql-pc-dr-mirror
    compliance:
      enabled: true
      store: sql-comp
      mirror: sql-comp-mirror
`;
};

const servers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `      - fqdn: ${prefix}${i + 1}.corp.adatum.com\n`).join('');

/**
 * Adatum (two-pchat-dbs-one-instance, each database on its own instance): one pool per coast with `perPool` active
 * servers each; `east` and `west` are lines put before each pool's servers.
 */
export const adatum = (east: string, west: string, perPool = 4) => `# Adatum: one pool per coast
topology: Adatum
domain: corp.adatum.com
sites:
  - id: east
  - id: west
sqlStores:
  - id: sql-be
    fqdn: sqlbe.corp.adatum.com
    instance: RTC
    edition: enterprise
    site: east
  - id: sql-pc-east
    fqdn: sqlpc-e.corp.adatum.com
    instance: PCHAT
    edition: enterprise
    site: east
  - id: sql-pc-west
    fqdn: sqlpc-w.corp.adatum.com
    instance: PCHAT
    edition: enterprise
    site: west
fileStores:
  - id: fs-east
    fqdn: fs-e.corp.adatum.com
    share: lync
    site: east
  - id: fs-west
    fqdn: fs-w.corp.adatum.com
    share: lync
    site: west
frontEndPools:
  - id: fe
    edition: enterprise
    fqdn: pool.corp.adatum.com
    site: east
    servers: [fe01.corp.adatum.com]
    backEnd: sql-be
persistentChatPools:
  - id: pchat-east
    fqdn: pchat-e.corp.adatum.com
    site: east
    deployment: multiple-server
    nextHop: fe
    fileStore: fs-east
${east}    servers:
${servers('pce', perPool)}    database:
      store: sql-pc-east
  - id: pchat-west
    fqdn: pchat-w.corp.adatum.com
    site: west
    deployment: multiple-server
    nextHop: fe
    fileStore: fs-west
${west}    servers:
${servers('pcw', perPool)}    database:
      store: sql-pc-west
`;

export interface WoodgroveParts {
  /** The first line, a comment. */
  title?: string;
  deployment?: string;
  /** The pool's lines between `nextHop` and `database`, its servers among them. */
  pool: string;
  /** Lines after the pool's database. */
  tail?: string;
}

/** Woodgrove (the too-many-active example): one Enterprise Edition pool and one Persistent Chat pool with the parts a test gives. */
export const woodgrove = ({ title = '# Woodgrove Bank', deployment = 'multiple-server', pool, tail = '' }: WoodgroveParts) => `${title}
topology: Woodgrove
domain: corp.woodgrove.com
sites:
  - id: ny
sqlStores:
  - id: sql-be
    fqdn: sqlbe.corp.woodgrove.com
    edition: enterprise
    site: ny
  - id: sql-pc
    fqdn: sqlpc.corp.woodgrove.com
    edition: enterprise
    site: ny
fileStores:
  - id: fs
    fqdn: fs01.corp.woodgrove.com
    share: lync
    site: ny
frontEndPools:
  - id: fe
    edition: enterprise
    fqdn: pool.corp.woodgrove.com
    site: ny
    servers: [fe01.corp.woodgrove.com]
    backEnd: sql-be
persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.woodgrove.com
    site: ny
    deployment: ${deployment}
    nextHop: fe
    fileStore: fs
${pool}    database:
      store: sql-pc
${tail}`;

/** `CONTOSO_EE` with `stores` (see `contosoSql`) added after its last SQL store. */
export const withContosoSql = (text: string, stores: string) => change(text, '    site: redmond\n\nfileStores:', `    site: redmond\n${stores}\nfileStores:`);

/** A compact Contoso (one pool, one Persistent Chat server) with the port lines the caller gives. */
export const contosoPorts = (ports: string) => `# Contoso
topology: Contoso production
domain: corp.contoso.com
sites:
  - id: redmond
sqlStores:
${contosoSql('sql-be', 'sqlbe01', 'RTC')}${contosoSql('sql-pc', 'sqlpc01', 'PCHAT')}${CONTOSO_FS}frontEndPools:
${FE_REDMOND}persistentChatPools:
${PCHAT_REDMOND}${ports}
    servers:
      - fqdn: pc01.corp.contoso.com
    database:
      store: sql-pc
`;

/** One of Northwind's SQL stores (in site chicago). */
export const northwindSql = (id: string, host: string, instance: string, edition = 'standard') => `  - id: ${id}
    fqdn: ${host}.corp.northwind.com
    instance: ${instance}
    edition: ${edition}
    site: chicago
`;

/** Northwind's Standard Edition server 'se', with `lines` before its backEnd line and `backEndTail` after its value. */
export const northwindSe = (lines = '', backEndTail = '') => `  - id: se
    edition: standard
    fqdn: se01.corp.northwind.com
    site: chicago
${lines}    backEnd: se-express${backEndTail}
`;

/**
 * Northwind (the se-next-hop example): a Standard Edition server 'se' with its local SQL Server Express 'se-express',
 * and a Persistent Chat pool on its own server pc01 with its database on a dedicated SQL Server.
 */
export const NORTHWIND = `# Northwind branch office
topology: Northwind branch
domain: corp.northwind.com

sites:
  - id: chicago

fileStores:
  - id: fs
    fqdn: fs01.corp.northwind.com
    share: lync
    site: chicago

sqlStores:
${northwindSql('se-express', 'se01', 'LYNCLOCAL', 'express')}${northwindSql('sql-pchat', 'sql01', 'PCHAT')}
frontEndPools:
${northwindSe()}
persistentChatPools:
  - id: pchat
    fqdn: pchatpool.corp.northwind.com
    site: chicago
    deployment: multiple-server
    nextHop: se
    fileStore: fs
    servers:
      - fqdn: pc01.corp.northwind.com
    database:
      store: sql-pchat
`;

/** `NORTHWIND` with `stores` (see `northwindSql`) added after its last SQL store. */
export const withNorthwindSql = (text: string, stores: string) =>
  change(text, '    site: chicago\n\nfrontEndPools:', `    site: chicago\n${stores}\nfrontEndPools:`);

/** Fabrikam's Enterprise Edition Front End pool, as `FABRIKAM` has it. */
export const FABRIKAM_FE = `  - id: fe
    edition: enterprise
    fqdn: pool01.corp.fabrikam.com
    site: seattle
    servers: [fe01.corp.fabrikam.com, fe02.corp.fabrikam.com]
    backEnd: sql-be
`;

/** Fabrikam (the ee-single-server example): a single-server Persistent Chat pool pc01 next to an Enterprise Edition pool. */
export const FABRIKAM = `# Fabrikam: Persistent Chat for the legal team
topology: Fabrikam single-server Persistent Chat
domain: corp.fabrikam.com

sites:
  - id: seattle

sqlStores:
  - id: sql-be
    fqdn: sqlbe01.corp.fabrikam.com
    instance: RTC
    edition: enterprise
    site: seattle
  - id: sql-pchat
    fqdn: sqlpc01.corp.fabrikam.com
    instance: PCHAT
    edition: enterprise
    site: seattle

frontEndPools:
${FABRIKAM_FE}
persistentChatPools:
  - id: pchat
    fqdn: pc01.corp.fabrikam.com
    site: seattle
    deployment: single-server
    nextHop: fe
    servers:
      - fqdn: pc01.corp.fabrikam.com
    database:
      store: sql-pchat
`;

/** Litware (se-sql-express) as a multiple-server pool collocated on the Standard Edition server lync01. */
export const LITWARE = `# Litware all-in-one
topology: Litware all-in-one
domain: litware.local
sites:
  - id: hq
sqlStores:
  - id: se-express
    fqdn: lync01.litware.local
    instance: LYNCLOCAL
    edition: express
    site: hq
frontEndPools:
  - id: se
    edition: standard
    fqdn: lync01.litware.local
    site: hq
    backEnd: se-express
persistentChatPools:
  - id: pchat
    fqdn: lync01.litware.local
    site: hq
    deployment: multiple-server
    nextHop: se
    servers:
      - fqdn: lync01.litware.local
    database:
      store: se-express
`;
