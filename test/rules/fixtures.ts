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

/** A valid Enterprise Edition topology: one Front End pool and a two-server Persistent Chat pool, with no comment but its title line. */
export const CONTOSO_EE = `# Contoso: one Enterprise Edition pool and a Persistent Chat pool
topology: Contoso production
domain: corp.contoso.com

sites:
  - id: redmond

sqlStores:
  - id: sql-be
    fqdn: sqlbe01.corp.contoso.com
    instance: RTC
    edition: enterprise
    site: redmond
  - id: sql-pc
    fqdn: sqlpc01.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond

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

export type DataCenters = Partial<Record<'pc' | 'pcMirror' | 'dr' | 'drMirror' | 'comp' | 'compMirror', string>>;

const dataCenter = (name: string | undefined) => (name === undefined ? '' : `    dataCenter: ${name}\n`);

/** Contoso's stretched pool (the ee-multiple-server example) with the data centers of its SQL stores given by the caller. */
export const contosoStretched = (centers: DataCenters = {}) => {
  const c = { pc: 'seattle', pcMirror: 'seattle', dr: 'portland', drMirror: 'portland', ...centers };
  return `# Contoso: stretched Persistent Chat pool, Seattle and Portland
topology: Contoso production
domain: corp.contoso.com
globalCatalog: gc01.contoso.com

sites:
  - id: redmond

sqlStores:
  - id: sql-be
    fqdn: sqlbe01.corp.contoso.com
    instance: RTC
    edition: enterprise
    site: redmond
  - id: sql-pc
    fqdn: sqlpc01.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dataCenter(c.pc)}  - id: sql-pc-mirror
    fqdn: sqlpc02.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dataCenter(c.pcMirror)}  - id: sql-pc-dr
    fqdn: sqlpc11.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dataCenter(c.dr)}  - id: sql-pc-dr-mirror
    fqdn: sqlpc12.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dataCenter(c.drMirror)}  - id: sql-comp
    fqdn: sqlcomp01.corp.contoso.com
    instance: PCHATCOMP
    edition: enterprise
    site: redmond
${dataCenter(c.comp)}  - id: sql-comp-mirror
    fqdn: sqlcomp02.corp.contoso.com
    instance: PCHATCOMP
    edition: enterprise
    site: redmond
${dataCenter(c.compMirror)}
frontEndPools:
  - id: fe-redmond
    edition: enterprise
    fqdn: pool01.corp.contoso.com
    site: redmond
    servers: [fe01.corp.contoso.com, fe02.corp.contoso.com]
    backEnd: sql-be

persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe-redmond
    servers:
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
${east}    servers:
${servers('pce', perPool)}    database:
      store: sql-pc-east
  - id: pchat-west
    fqdn: pchat-w.corp.adatum.com
    site: west
    deployment: multiple-server
    nextHop: fe
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
${pool}    database:
      store: sql-pc
${tail}`;
