/**
 * A generator of large, realistic and valid topology descriptors, for the benchmark.
 *
 * The deployment it writes is made of "clusters", one after another until the wanted size is reached:
 * an Enterprise Edition Front End pool (2–6 servers) with its own back-end SQL Server, usually a
 * multiple-server Persistent Chat pool using it as next hop, the Persistent Chat database (with a
 * mirror in the same data center and a log-shipped, mirrored backup in the other one when the pool is
 * stretched), sometimes a compliance database, and a file store. Every id and every FQDN is unique,
 * every computer is in the topology's domain, and the pools' user figures together stay within the
 * deployment-wide limits, so that no rule of the catalog fires.
 *
 * The output is deterministic: the same size gives the same text.
 */

const DOMAIN = 'corp.contoso.com';

/** Deployment-wide limits (PC212, PC213: 80,000 and 150,000), kept with a margin. */
const CONCURRENT_BUDGET = 76_000;
const PROVISIONED_BUDGET = 144_000;
const USERS_PER_ACTIVE_SERVER = 20_000;

const CITIES = [
  ['redmond', 'Redmond HQ'],
  ['dublin', 'Dublin'],
  ['singapore', 'Singapore'],
  ['sydney', 'Sydney'],
  ['saopaulo', 'São Paulo'],
  ['toronto', 'Toronto'],
  ['munich', 'Munich'],
  ['tokyo', 'Tokyo'],
  ['johannesburg', 'Johannesburg'],
  ['mumbai', 'Mumbai'],
  ['paris', 'Paris'],
  ['chicago', 'Chicago'],
] as const;

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 4): string => String(n).padStart(width, '0');
const fqdn = (host: string): string => `${host}.${DOMAIN}`;

interface Section {
  lines: string[];
}

interface Cluster {
  sqlStores: string[];
  fileStores: string[];
  frontEndPools: string[];
  persistentChatPools: string[];
}

interface SiteInfo {
  id: string;
  name: string;
  /** Two physical data centers per site, for stretched pools. */
  primary: string;
  secondary: string;
}

class Generator {
  private readonly random = prng(0x5eed_2013);
  private concurrentLeft = CONCURRENT_BUDGET;
  private provisionedLeft = PROVISIONED_BUDGET;
  private pchatPools = 0;

  constructor(readonly sites: SiteInfo[]) {}

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private sqlStore(out: string[], s: { id: string; host: string; instance?: string; site: string; dataCenter?: string; comment?: string }): void {
    if (s.comment) out.push(`  # ${s.comment}`);
    out.push(`  - id: ${s.id}`);
    out.push(`    fqdn: ${fqdn(s.host)}`);
    if (s.instance) out.push(`    instance: ${s.instance}`);
    out.push(`    edition: enterprise`);
    out.push(`    site: ${s.site}`);
    if (s.dataCenter) out.push(`    dataCenter: ${s.dataCenter}`);
  }

  /** A Front End pool with its back-end store and file store; no Persistent Chat. */
  frontEndOnly(n: number): Cluster {
    const site = this.sites[n % this.sites.length];
    const c: Cluster = { sqlStores: [], fileStores: [], frontEndPools: [], persistentChatPools: [] };
    this.frontEnd(c, n, site);
    return c;
  }

  private frontEnd(c: Cluster, n: number, site: SiteInfo): { id: string; fileStore: string } {
    const id = `fe-${site.id}-${pad(n)}`;
    const backEnd = `sql-be-${pad(n)}`;
    const fileStore = `fs-${pad(n)}`;
    this.sqlStore(c.sqlStores, {
      id: backEnd,
      host: `sqlbe${pad(n)}`,
      instance: 'RTC',
      site: site.id,
      dataCenter: this.chance(0.5) ? site.primary : undefined,
      comment: n % 7 === 0 ? `back end of ${id}` : undefined,
    });
    c.fileStores.push(`  - id: ${fileStore}`, `    fqdn: ${fqdn(`fs${pad(n)}`)}`, `    share: lyncshare${n}`, `    site: ${site.id}`);
    const servers = Array.from({ length: this.int(2, 6) }, (_, k) => fqdn(`fe${pad(n)}-${k + 1}`));
    if (n % 10 === 0) c.frontEndPools.push(`  # ${site.name}: pool ${n}`);
    c.frontEndPools.push(`  - id: ${id}`, `    edition: enterprise`, `    fqdn: ${fqdn(`pool${pad(n)}`)}`, `    site: ${site.id}`);
    if (n % 5 === 2) {
      c.frontEndPools.push(`    servers: [${servers.join(', ')}]`);
    } else {
      c.frontEndPools.push(`    servers:`, ...servers.map((s) => `      - ${s}`));
    }
    c.frontEndPools.push(`    backEnd: ${backEnd}${n % 9 === 4 ? '   # dedicated instance' : ''}`, `    fileStore: ${fileStore}`);
    return { id, fileStore };
  }

  /** A Front End pool and (mostly) a Persistent Chat pool with its databases. */
  cluster(n: number): Cluster {
    const site = this.sites[n % this.sites.length];
    const c: Cluster = { sqlStores: [], fileStores: [], frontEndPools: [], persistentChatPools: [] };
    const fe = this.frontEnd(c, n, site);
    if (n > 0 && this.chance(0.2)) return c; // some Front End pools have no Persistent Chat pool

    const p = this.pchatPools++;
    const id = `pchat-${site.id}-${pad(p)}`;
    const stretched = this.chance(0.6);
    const active = this.int(1, 4);
    const standby = stretched ? this.int(1, 4) : this.chance(0.3) ? this.int(1, 2) : 0;

    // The Persistent Chat database and its copies: mirror next to the primary, backup and its mirror in the other data center.
    const db = { store: `sql-pc-${pad(p)}`, mirror: '', backup: '', backupMirror: '' };
    this.sqlStore(c.sqlStores, { id: db.store, host: `sqlpc${pad(p)}a`, instance: 'PCHAT', site: site.id, dataCenter: stretched ? site.primary : undefined });
    if (stretched || this.chance(0.5)) {
      db.mirror = `sql-pc-${pad(p)}-mirror`;
      this.sqlStore(c.sqlStores, { id: db.mirror, host: `sqlpc${pad(p)}b`, instance: 'PCHAT', site: site.id, dataCenter: stretched ? site.primary : undefined });
    }
    if (stretched) {
      db.backup = `sql-pc-${pad(p)}-dr`;
      this.sqlStore(c.sqlStores, { id: db.backup, host: `sqlpc${pad(p)}c`, instance: 'PCHAT', site: site.id, dataCenter: site.secondary, comment: 'log-shipping secondary' });
      if (this.chance(0.7)) {
        db.backupMirror = `sql-pc-${pad(p)}-dr-mirror`;
        this.sqlStore(c.sqlStores, { id: db.backupMirror, host: `sqlpc${pad(p)}d`, instance: 'PCHAT', site: site.id, dataCenter: site.secondary });
      }
    }

    const compliance = this.chance(0.35);
    const comp = { store: '', mirror: '', backup: '' };
    if (compliance) {
      comp.store = `sql-comp-${pad(p)}`;
      this.sqlStore(c.sqlStores, { id: comp.store, host: `sqlcomp${pad(p)}a`, instance: 'PCHATCOMP', site: site.id, dataCenter: stretched ? site.primary : undefined });
      if (this.chance(0.5)) {
        comp.mirror = `sql-comp-${pad(p)}-mirror`;
        this.sqlStore(c.sqlStores, { id: comp.mirror, host: `sqlcomp${pad(p)}b`, instance: 'PCHATCOMP', site: site.id, dataCenter: stretched ? site.primary : undefined });
      }
      if (stretched && this.chance(0.5)) {
        comp.backup = `sql-comp-${pad(p)}-dr`;
        this.sqlStore(c.sqlStores, { id: comp.backup, host: `sqlcomp${pad(p)}c`, instance: 'PCHATCOMP', site: site.id, dataCenter: site.secondary });
      }
    }

    const out = c.persistentChatPools;
    if (p % 8 === 0) out.push(`  # Persistent Chat for ${site.name}${stretched ? ` (stretched: ${site.primary} / ${site.secondary})` : ''}`);
    out.push(`  - id: ${id}`, `    fqdn: ${fqdn(`pchatpool${pad(p)}`)}`, `    site: ${site.id}`, `    deployment: multiple-server`, `    nextHop: ${fe.id}`);
    if (p % 3 === 0) out.push(`    sipPort: 5041`, `    poolPort: 8011`);
    else if (p % 3 === 1) out.push(`    sipPort: 5041`);

    // User figures: only some pools plan them, and never beyond the deployment-wide limits.
    if (this.chance(0.5)) {
      const concurrent = Math.min(active * USERS_PER_ACTIVE_SERVER, [500, 1000, 2000, 2500, 4000][this.int(0, 4)]);
      if (concurrent <= this.concurrentLeft) {
        this.concurrentLeft -= concurrent;
        out.push(`    concurrentUsers: ${concurrent}`);
        const provisioned = concurrent * 2;
        if (provisioned <= this.provisionedLeft) {
          this.provisionedLeft -= provisioned;
          out.push(`    provisionedUsers: ${provisioned}${p % 4 === 0 ? '   # from the Persistent Chat policy' : ''}`);
        }
      }
    }

    out.push(`    servers:`);
    for (let k = 0; k < active + standby; k++) {
      out.push(`      - fqdn: ${fqdn(`pc${pad(p)}-${k + 1}`)}`);
      if (k >= active) out.push(`        state: standby`);
      if (stretched) out.push(`        dataCenter: ${k < active ? site.primary : site.secondary}`);
    }
    out.push(`    database:`, `      store: ${db.store}`);
    if (db.mirror) out.push(`      mirror: ${db.mirror}`);
    if (db.backup) out.push(`      backup: ${db.backup}`);
    if (db.backupMirror) out.push(`      backupMirror: ${db.backupMirror}`);
    if (compliance) {
      out.push(`    compliance:`, `      enabled: true`, `      store: ${comp.store}`);
      if (comp.mirror) out.push(`      mirror: ${comp.mirror}`);
      if (comp.backup) out.push(`      backup: ${comp.backup}`);
    } else if (this.chance(0.3)) {
      out.push(`    compliance: { enabled: false }`);
    }
    out.push(`    fileStore: ${fe.fileStore}`);
    return c;
  }
}

const size = (c: Cluster): number => c.sqlStores.length + c.fileStores.length + c.frontEndPools.length + c.persistentChatPools.length;

/** A valid descriptor of about `targetLines` lines (exactly that many whenever it is at least about 120). */
export function generateTopology(targetLines: number): string {
  const siteCount = Math.min(CITIES.length, Math.max(2, Math.round(Math.sqrt(targetLines / 100))));
  const sites: SiteInfo[] = CITIES.slice(0, siteCount).map(([id, name]) => ({ id, name, primary: `${id}-dc1`, secondary: `${id}-dc2` }));
  const gen = new Generator(sites);

  const header: Section = {
    lines: [
      `# Generated by bench/generateTopology.ts for ${targetLines} lines: a large Lync Server 2013`,
      `# deployment with many Enterprise Edition pools and Persistent Chat pools.`,
      `topology: Contoso worldwide (benchmark)`,
      `version: 1`,
      `domain: ${DOMAIN}`,
      `globalCatalog: ${fqdn('gc01')}`,
      ``,
      `sites:`,
      ...sites.flatMap((s) => [`  - id: ${s.id}`, `    name: ${s.name}`]),
    ],
  };
  const sections: Cluster = { sqlStores: [], fileStores: [], frontEndPools: [], persistentChatPools: [] };
  // Section keys, blank lines between sections, and the admin console list with one entry.
  const fixedLines = header.lines.length + 4 * 2 + 3;
  let total = fixedLines;
  const add = (c: Cluster) => {
    sections.sqlStores.push(...c.sqlStores);
    sections.fileStores.push(...c.fileStores);
    sections.frontEndPools.push(...c.frontEndPools);
    sections.persistentChatPools.push(...c.persistentChatPools);
    total += size(c);
  };

  let n = 0;
  // Full clusters while they fit (at least one), then Front End pools alone, then admin consoles to the exact count.
  for (;;) {
    const c = gen.cluster(n);
    if (n > 0 && total + size(c) > targetLines) break;
    add(c);
    n++;
  }
  for (;;) {
    const c = gen.frontEndOnly(n);
    if (total + size(c) > targetLines) break;
    add(c);
    n++;
  }
  const consoles = Math.max(1, targetLines - total + 1);

  const lines = [
    ...header.lines,
    ``,
    `sqlStores:`,
    ...sections.sqlStores,
    ``,
    `fileStores:`,
    ...sections.fileStores,
    ``,
    `frontEndPools:`,
    ...sections.frontEndPools,
    ``,
    `persistentChatPools:`,
    ...sections.persistentChatPools,
    ``,
    `adminConsoles:   # computers running Lync Server Control Panel`,
    ...Array.from({ length: consoles }, (_, k) => `  - fqdn: ${fqdn(`admin${pad(k + 1, 2)}`)}`),
  ];
  return lines.join('\n') + '\n';
}
