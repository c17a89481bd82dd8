import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateTopologyBuilderXml } from '../../bench/generateTopologyBuilder';
import type { Entity, Field } from '../../server/src/service/model/model';
import { looksLikeTopologyBuilder } from '../../server/src/service/topologyBuilder/prolog';
import { readTopologyBuilder, type TopologyBuilderReading } from '../../server/src/service/topologyBuilder/readTopologyBuilder';
import type { Span } from '../../server/src/service/types';
import { asWindowsFile, EE_SAVED, EE_SINGLE_PUBLISHED, NS, published, saved, seCollocated } from './topologies';

const NOT_UNDERSTOOD = /not understood; checked without it\.$/;

function read(text: string, name = 'contoso'): TopologyBuilderReading {
  const reading = readTopologyBuilder(text, name);
  assert.deepEqual(reading.syntaxProblems, [], 'no syntax problem');
  return reading;
}

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** The field holds `value` and its span is exactly the value of attribute `name` (without quotes). */
function assertAttribute(text: string, field: Field<unknown> | undefined, name: string, value: unknown, written = String(value)): void {
  assert.ok(field, `a field from @${name}`);
  assert.equal(field.value, value);
  assert.equal(slice(text, field.span), written);
  assert.equal(text.slice(field.span.start - name.length - 2, field.span.start), `${name}="`, `the span is the value of @${name}`);
  assert.equal(text[field.span.end], '"');
}

/** The span is one whole element of this local name. */
function assertElement(text: string, span: Span, local: string, containing?: string): void {
  const written = slice(text, span);
  assert.match(written, new RegExp(`^<(\\w+:)?${local}[\\s/>]`), `starts as <${local}>`);
  assert.ok(written.endsWith('/>') || new RegExp(`</(\\w+:)?${local}>$`).test(written), `ends as <${local}>: ${written.slice(-30)}`);
  if (containing) assert.ok(written.includes(containing), `contains ${containing}`);
}

function assertEmpty(reading: TopologyBuilderReading): void {
  const t = reading.topology;
  assert.deepEqual([t.sites, t.sqlStores, t.fileStores, t.frontEndPools, t.persistentChatPools, t.references, reading.elements], [[], [], [], [], [], [], []]);
}

/** What the rules see, without spans: for comparing two spellings of one topology. */
function values(reading: TopologyBuilderReading): unknown {
  return JSON.parse(
    JSON.stringify(reading.topology, (key, value) =>
      key === 'span' || key === 'keySpan' || key === 'owner' ? undefined : value instanceof Set ? [...value] : value,
    ),
  );
}

describe('Topology Builder reader: the saved form', () => {
  const text = EE_SAVED;
  const { topology, notUnderstood, elements } = read(text);

  it('reads the text as Topology Builder writes it (BOM, CRLF), understanding everything', () => {
    assert.ok(text.startsWith('\uFEFF<?xml') && text.includes('\r\n'));
    assert.deepEqual(notUnderstood, []);
    assert.deepEqual(topology.name, { value: 'contoso', span: { start: 0, end: 0 }, keySpan: { start: 0, end: 0 } });
  });

  it('derives the domain from the computers and points at InternalDomains @DefaultDomain', () => {
    assertAttribute(text, topology.domain, 'DefaultDomain', 'corp.contoso.com', 'contoso.com');
  });

  it('a site from each CentralSite: id a slug of its Name, spans on the Name text', () => {
    const [site] = topology.sites;
    assert.equal(topology.sites.length, 1);
    assert.equal(site.id.value, 'redmond-hq');
    assert.equal(slice(text, site.id.span), 'Redmond HQ');
    assert.equal(site.name?.value, 'Redmond HQ');
    assert.equal(slice(text, site.name!.span), 'Redmond HQ');
    assertElement(text, site.span, 'CentralSite');
    assert.deepEqual(site.path, ['sites', 0]);
    assert.equal(site.origin, 'Central site 1 (Redmond HQ)');
  });

  it('a SQL store per SqlInstance: fqdn from Cluster @Fqdn, instance from @Name, site from CentralSite @SiteId', () => {
    assert.deepEqual(
      topology.sqlStores.map((s) => s.id.value),
      ['sqlbe01-rtc', 'sqlpc01-pchat', 'sqlpc02-pchat', 'sqlpc11-pchat', 'sqlpc12-pchat', 'sqlcomp01-pchatcomp'],
    );
    const store = topology.sqlStores[1];
    assertAttribute(text, store.fqdn, 'Fqdn', 'sqlpc01.corp.contoso.com');
    assertAttribute(text, store.instance, 'Name', 'PCHAT');
    assertAttribute(text, store.site, 'SiteId', 'redmond-hq', '1');
    assert.equal(store.edition, undefined, 'the edition of a SQL Server is unknown');
    assertElement(text, store.span, 'SqlInstance');
    assert.deepEqual(store.path, ['sqlStores', 1]);
    assert.equal(store.origin, 'Cluster sqlpc01.corp.contoso.com (site 1), SQL Server instance PCHAT');
  });

  it('a file store per FileStore service: its cluster, FileStoreService @ShareName', () => {
    const [store] = topology.fileStores;
    assert.equal(store.id.value, 'fs01');
    assertAttribute(text, store.fqdn, 'Fqdn', 'fs01.corp.contoso.com');
    assertAttribute(text, store.share, 'ShareName', 'lyncshare');
    assertAttribute(text, store.site, 'SiteId', 'redmond-hq', '1');
    assertElement(text, store.span, 'Service', 'RoleName="FileStore"');
    assert.equal(store.origin, 'Cluster fs01.corp.contoso.com (site 1), service FileStore');
  });

  it('a Front End pool from the cluster running UserServices and Registrar, back end and file store from the dependencies', () => {
    const [pool] = topology.frontEndPools;
    assert.equal(topology.frontEndPools.length, 1);
    assert.equal(pool.id.value, 'pool01');
    assert.equal(slice(text, pool.id.span), 'pool01.corp.contoso.com');
    assertAttribute(text, pool.edition, 'IsSingleMachineOnly', 'enterprise', 'false');
    assertAttribute(text, pool.fqdn, 'Fqdn', 'pool01.corp.contoso.com');
    assert.deepEqual(pool.servers.map((s) => s.value), ['fe01.corp.contoso.com', 'fe02.corp.contoso.com', 'fe03.corp.contoso.com']);
    for (const server of pool.servers) assertAttribute(text, server, 'Fqdn', server.value);
    assertAttribute(text, pool.backEnd, 'ServiceUniqueId', 'sqlbe01-rtc', '50000001-0000-0000-0000-000000000000');
    assertAttribute(text, pool.fileStore, 'ServiceUniqueId', 'fs01', '50000002-0000-0000-0000-000000000000');
    assertElement(text, pool.serversKey!.span, 'Machines');
    assertElement(text, pool.span, 'Cluster', 'pool01.corp.contoso.com');
  });

  it('a Persistent Chat pool from PersistentChatService: cluster, machines, next hop, ports, version', () => {
    const [pool] = topology.persistentChatPools;
    assert.equal(topology.persistentChatPools.length, 1);
    assert.equal(pool.id.value, 'pchat');
    assertAttribute(text, pool.fqdn, 'Fqdn', 'pchat.corp.contoso.com');
    assertAttribute(text, pool.site, 'SiteId', 'redmond-hq', '1');
    assertAttribute(text, pool.deployment, 'IsSingleMachineOnly', 'multiple-server', 'false');
    assertAttribute(text, pool.nextHop, 'ServiceUniqueId', 'pool01', '50000004-0000-0000-0000-000000000000');
    assertAttribute(text, pool.fileStore, 'ServiceUniqueId', 'fs01', '50000002-0000-0000-0000-000000000000');
    assertAttribute(text, pool.sipPort, 'Port', 5041, '5041');
    assertAttribute(text, pool.serviceVersion, 'ServiceVersion', 6, '6');
    assert.equal(pool.poolPort, undefined);
    assert.equal(pool.concurrentUsers, undefined);
    assert.equal(pool.timeZone, undefined);
    assertElement(text, pool.span, 'Cluster', 'pchat.corp.contoso.com');
    assert.deepEqual(pool.path, ['persistentChatPools', 0]);
    assert.equal(pool.origin, 'Cluster pchat.corp.contoso.com (site 1), service PersistentChatService');
  });

  it('the servers from Machine @Fqdn, all active, each a Machine element with its path', () => {
    const [pool] = topology.persistentChatPools;
    assert.deepEqual(pool.servers.map((s) => s.fqdn?.value), ['pc01.corp.contoso.com', 'pc02.corp.contoso.com', 'pc03.corp.contoso.com', 'pc04.corp.contoso.com']);
    pool.servers.forEach((server, i) => {
      assertAttribute(text, server.fqdn, 'Fqdn', server.fqdn!.value);
      assert.equal(server.state, undefined);
      assertElement(text, server.span, 'Machine', server.fqdn!.value);
      assert.deepEqual(server.path, ['persistentChatPools', 0, 'servers', i]);
    });
    assertElement(text, pool.serversKey!.span, 'Machines', 'pc01');
  });

  it('database store, mirror, backup and backup mirror from the Usage of each dependency; compliance enabled by its store', () => {
    const [pool] = topology.persistentChatPools;
    const db = pool.database!;
    assertAttribute(text, db.store, 'ServiceUniqueId', 'sqlpc01-pchat', '50000005-0000-0000-0000-000000000000');
    assertAttribute(text, db.mirror, 'ServiceUniqueId', 'sqlpc02-pchat', '50000006-0000-0000-0000-000000000000');
    assertAttribute(text, db.backup, 'ServiceUniqueId', 'sqlpc11-pchat', '50000007-0000-0000-0000-000000000000');
    assertAttribute(text, db.backupMirror, 'ServiceUniqueId', 'sqlpc12-pchat', '50000008-0000-0000-0000-000000000000');
    assertElement(text, db.span, 'Dependency', '50000005');
    assert.deepEqual(db.path, ['persistentChatPools', 0, 'database']);
    const compliance = pool.compliance!;
    assertAttribute(text, compliance.store, 'ServiceUniqueId', 'sqlcomp01-pchatcomp', '50000009-0000-0000-0000-000000000000');
    assert.equal(compliance.enabled?.value, true);
    assertElement(text, compliance.enabled!.span, 'Dependency', '50000009');
    assert.deepEqual(compliance.path, ['persistentChatPools', 0, 'compliance']);
    assert.equal(compliance.mirror, undefined);
  });

  it('the references, in the order the YAML model lists them', () => {
    assert.deepEqual(
      topology.references.map((r) => `${r.owner.id.value}.${r.key}=${r.field.value}:${r.expected}`),
      [
        ...topology.sqlStores.map((s) => `${s.id.value}.site=redmond-hq:site`),
        'fs01.site=redmond-hq:site',
        'pool01.site=redmond-hq:site',
        'pool01.backEnd=sqlbe01-rtc:sqlStore',
        'pool01.fileStore=fs01:fileStore',
        'pchat.store=sqlpc01-pchat:sqlStore',
        'pchat.mirror=sqlpc02-pchat:sqlStore',
        'pchat.backup=sqlpc11-pchat:sqlStore',
        'pchat.backupMirror=sqlpc12-pchat:sqlStore',
        'pchat.store=sqlcomp01-pchatcomp:sqlStore',
        'pchat.site=redmond-hq:site',
        'pchat.nextHop=pool01:frontEndPool',
        'pchat.fileStore=fs01:fileStore',
      ],
    );
    const pool = topology.persistentChatPools[0];
    assert.ok(topology.references.filter((r) => r.owner === pool).every((r) => Object.values(pool).includes(r.field) || [pool.database, pool.compliance].some((p) => p && Object.values(p).includes(r.field))));
  });

  it('elements: each site, cluster, machine, SQL instance and service, outer before inner, with what it became', () => {
    for (let i = 0; i < elements.length; i++) {
      for (let j = i + 1; j < elements.length; j++) {
        const [a, b] = [elements[i].span, elements[j].span];
        assert.ok(!(b.start <= a.start && a.end <= b.end && (b.start < a.start || a.end < b.end)), `${elements[j].label} holds ${elements[i].label} but comes after it`);
      }
    }
    const at = (offset: number) => elements.filter((e) => e.span.start <= offset && offset < e.span.end).at(-1)!;
    const pc02 = at(text.indexOf('Fqdn="pc02'));
    assert.equal(pc02.kind, 'machine');
    assert.equal(pc02.label, 'Machine pc02.corp.contoso.com');
    assert.equal(pc02.server, topology.persistentChatPools[0].servers[1]);
    assert.deepEqual(pc02.entities, [topology.persistentChatPools[0]]);
    assert.equal(slice(text, pc02.nameSpan), 'Machine');
    const cluster = at(text.indexOf('Fqdn="pchat.'));
    assert.equal(cluster.kind, 'cluster');
    assert.deepEqual(cluster.entities, [topology.persistentChatPools[0]]);
    const instance = at(text.indexOf('Name="PCHATCOMP"'));
    assert.equal(instance.kind, 'sqlInstance');
    assert.deepEqual(instance.entities, [topology.sqlStores[5]]);
    const service = at(text.indexOf('RoleName="PersistentChatService"'));
    assert.equal(service.kind, 'service');
    assert.deepEqual(service.entities, [topology.persistentChatPools[0]]);
    const site = at(text.indexOf('<Name'));
    assert.equal(site.kind, 'site');
    assert.deepEqual(site.entities, [topology.sites[0]]);
    const everything: Entity[] = [...topology.sites, ...topology.sqlStores, ...topology.fileStores, ...topology.frontEndPools, ...topology.persistentChatPools];
    for (const entity of everything) assert.ok(elements.some((e) => e.entities.includes(entity)), `${entity.id.value} has an element`);
  });

  it('ids stay unique: two clusters with the same first label get -2', () => {
    const twice = EE_SAVED.replace('Fqdn="sqlpc02.corp.contoso.com"', 'Fqdn="sqlpc01.other.contoso.com"');
    assert.deepEqual(
      read(twice).topology.sqlStores.map((s) => s.id.value),
      ['sqlbe01-rtc', 'sqlpc01-pchat', 'sqlpc01-pchat-sql', 'sqlpc11-pchat', 'sqlpc12-pchat', 'sqlcomp01-pchatcomp'],
    );
  });
});

describe('Topology Builder reader: how values are written', () => {
  it('attribute values with references, single quotes, spaces around = or a > keep their decoded value and the span of what is written', () => {
    const text = EE_SAVED.replace('ShareName="lyncshare"', `ShareName = 'lync&amp;share>"1"'`);
    const { topology } = read(text);
    const share = topology.fileStores[0].share!;
    assert.equal(share.value, 'lync&share>"1"');
    assert.equal(slice(text, share.span), 'lync&amp;share>"1"');
    assert.equal(text[share.span.start - 1], "'");
    assert.equal(text[share.span.end], "'");
  });

  it('the text of an element: decoded and trimmed, around comments and CDATA, its span from the first to the last character written', () => {
    const text = EE_SAVED.replace('>Redmond HQ</Name>', '>\r\n   Redmond <!-- the first -->&amp; <![CDATA[HQ]]>  </Name>');
    const site = read(text).topology.sites[0];
    assert.equal(site.name?.value, 'Redmond & HQ');
    assert.equal(slice(text, site.name!.span), 'Redmond <!-- the first -->&amp; <![CDATA[HQ]]>');
  });

  it('an element whose first child is written right after it, with a name that begins with its own: the span is its own', () => {
    const text = EE_SINGLE_PUBLISHED.replace(/<SqlInstance>\s+<SqlInstanceId/g, '<SqlInstance><SqlInstanceId');
    const [store] = read(text).topology.sqlStores;
    assertElement(text, store.span, 'SqlInstance', '<SqlInstanceId Name="RTC">');
  });
});

describe('Topology Builder reader: the published form', () => {
  const text = EE_SINGLE_PUBLISHED;
  const { topology, notUnderstood } = read(text, 'fabrikam');

  it('reads structured ids (ClusterId, SqlInstanceId, ServiceId) as the saved form reads GUIDs', () => {
    assert.deepEqual(notUnderstood, []);
    assert.deepEqual(topology.sites.map((s) => s.id.value), ['seattle']);
    assert.deepEqual(topology.sqlStores.map((s) => s.id.value), ['sqlbe01-rtc', 'sqlpc01-pchat', 'sqlpc01-pchatcomp']);
    assert.deepEqual(topology.fileStores.map((s) => s.id.value), ['fs01']);
    assert.deepEqual(topology.frontEndPools.map((s) => s.id.value), ['pool01']);
    assertAttribute(text, topology.domain, 'DefaultDomain', 'corp.fabrikam.com', 'fabrikam.com');
  });

  it('the site of a cluster and of its SQL Server instances is ClusterId @SiteId', () => {
    assertAttribute(text, topology.sqlStores[2].site, 'SiteId', 'seattle', '1');
    assert.match(text.slice(topology.sqlStores[2].site!.span.start - 30, topology.sqlStores[2].site!.span.start), /<ClusterId SiteId="$/);
    assertAttribute(text, topology.sqlStores[2].instance, 'Name', 'PCHATCOMP');
    assertAttribute(text, topology.sqlStores[2].fqdn, 'Fqdn', 'sqlpc01.corp.fabrikam.com');
  });

  it('a cluster of one machine named as the cluster is a single server: the deployment points at the Cluster tag', () => {
    const [pool] = topology.persistentChatPools;
    assert.equal(pool.deployment?.value, 'single-server');
    assert.equal(slice(text, pool.deployment!.span), 'Cluster');
    assert.deepEqual(pool.servers.map((s) => s.fqdn?.value), ['pc01.corp.fabrikam.com']);
    assertAttribute(text, pool.servers[0].fqdn, 'Fqdn', 'pc01.corp.fabrikam.com');
    assert.equal(topology.frontEndPools[0].edition?.value, 'enterprise', 'two machines: an Enterprise Edition pool');
  });

  it('a reference points at the ServiceId of its Dependency', () => {
    const [pool] = topology.persistentChatPools;
    assert.equal(pool.nextHop?.value, 'pool01');
    assertElement(text, pool.nextHop!.span, 'ServiceId', 'RoleName="Registrar"');
    assert.equal(pool.database?.store?.value, 'sqlpc01-pchat');
    assertElement(text, pool.database!.store!.span, 'ServiceId', 'RoleName="PersistentChatStore"');
    assert.equal(pool.compliance?.store?.value, 'sqlpc01-pchatcomp');
    assert.equal(pool.compliance?.enabled?.value, true);
    assert.equal(pool.fileStore?.value, 'fs01');
    assertElement(text, topology.frontEndPools[0].backEnd!.span, 'ServiceId', 'RoleName="UserStore"');
    assert.equal(pool.origin, 'Cluster pc01.corp.fabrikam.com (site 1), service PersistentChatService:1');
  });
});

describe('Topology Builder reader: a Standard Edition server', () => {
  const text = seCollocated(false);
  const { topology, notUnderstood, elements } = read(text, 'litware');

  it('its SQL Server Express store, Front End and Persistent Chat pool, with readable unique ids', () => {
    assert.deepEqual(notUnderstood, []);
    assert.deepEqual(
      [topology.frontEndPools, topology.persistentChatPools, topology.sqlStores, topology.fileStores].map((list) => list.map((e) => e.id.value)),
      [['lync01'], ['lync01-pchat'], ['lync01-rtc'], ['lync01-fs']],
    );
    const [store] = topology.sqlStores;
    assertAttribute(text, store.edition, 'IsSingleMachineOnly', 'express', 'true');
    assertAttribute(text, store.instance, 'Name', 'rtc');
    const [fe] = topology.frontEndPools;
    assertAttribute(text, fe.edition, 'IsSingleMachineOnly', 'standard', 'true');
    assert.deepEqual(fe.servers, []);
    assert.equal(fe.serversKey, undefined);
    assert.equal(fe.backEnd?.value, 'lync01-rtc');
    assert.equal(topology.domain?.value, 'litware.local');
  });

  it('the Persistent Chat server is the cluster itself: fqdn from Cluster @Fqdn, span the empty Machine', () => {
    const [pool] = topology.persistentChatPools;
    assertAttribute(text, pool.deployment, 'IsSingleMachineOnly', 'single-server', 'true');
    assert.equal(pool.nextHop?.value, 'lync01');
    assert.equal(pool.database?.store?.value, 'lync01-rtc');
    assert.equal(pool.compliance?.store?.value, 'lync01-rtc');
    assert.equal(pool.servers.length, 1);
    assertAttribute(text, pool.servers[0].fqdn, 'Fqdn', 'lync01.litware.local');
    assert.equal(slice(text, pool.servers[0].span), '<Machine />');
    const machine = elements.find((e) => e.kind === 'machine');
    assert.equal(machine?.server, pool.servers[0]);
    const cluster = elements.find((e) => e.kind === 'cluster')!;
    assert.deepEqual(cluster.entities.map((e) => e.id.value), ['lync01', 'lync01-pchat', 'lync01-rtc', 'lync01-fs']);
  });

  it('namespace prefixes instead of default namespaces read the same model, spans included in kind', () => {
    const prefixed = seCollocated(true);
    assert.ok(prefixed.includes('<w:Cluster ') && !prefixed.includes(' xmlns="'));
    const reading = read(prefixed, 'litware');
    assert.deepEqual(values(reading), values(read(text, 'litware')));
    assertAttribute(prefixed, reading.topology.persistentChatPools[0].fqdn, 'Fqdn', 'lync01.litware.local');
    assertElement(prefixed, reading.topology.persistentChatPools[0].span, 'Cluster');
  });

  it('elements in another namespace are not Topology Builder’s: matched by namespace, never by prefix', () => {
    const foreign = seCollocated(true).replace(`xmlns:w="${NS.writable}"`, 'xmlns:w="urn:example:not-lync"');
    const reading = readTopologyBuilder(foreign, 'litware');
    assert.deepEqual(reading.syntaxProblems, []);
    assertEmpty(reading);
  });
});

describe('Topology Builder reader: what it does not understand', () => {
  const chatService = (dependencies: string, extra = '') => `
        <Service UniqueId="50000099-0000-0000-0000-000000000000" RoleName="PersistentChatService" RoleVersion="1" ServiceVersion="6" InstalledOn="c0000009-0000-0000-0000-000000000000">
          <DependsOn>
            <Dependency ServiceUniqueId="50000004-0000-0000-0000-000000000000" Usage="Default" />
${dependencies}
          </DependsOn>
${extra}
        </Service>`;
  const withServices = (services: string) => EE_SAVED.replace('      </Services>', `${services.replace(/\r?\n/g, '\r\n')}\r\n      </Services>`);

  function notUnderstoodIn(text: string): { at: string; message: string }[] {
    const { notUnderstood } = read(text);
    for (const p of notUnderstood) assert.match(p.message, NOT_UNDERSTOOD);
    return notUnderstood.map((p) => ({ at: slice(text, p.span), message: p.message }));
  }

  it('a PersistentChatService installed on nothing the file describes: one finding at the Service, the rest still read', () => {
    const text = withServices(
      `        <Service UniqueId="50000098-0000-0000-0000-000000000000" RoleName="PersistentChatService" RoleVersion="1" ServiceVersion="6" InstalledOn="deadbeef-0000-0000-0000-000000000000" />`,
    );
    const found = notUnderstoodIn(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].at, 'Service');
    assert.match(found[0].message, /deadbeef/);
    assert.equal(read(text).topology.persistentChatPools.length, 1);
  });

  it('a Persistent Chat store installed on nothing, even one no pool uses', () => {
    const text = withServices(`        <Service UniqueId="50000096-0000-0000-0000-000000000000" RoleName="PersistentChatComplianceStore" RoleVersion="1" ServiceVersion="6" />`);
    const found = notUnderstoodIn(text);
    assert.deepEqual(found.map((f) => f.at), ['Service']);
    assert.match(found[0].message, /installed on nothing.*compliance database/);
  });

  it('a service of another role installed on nothing is left out silently', () => {
    const text = withServices(`        <Service UniqueId="50000097-0000-0000-0000-000000000000" RoleName="EdgeServer" RoleVersion="1" ServiceVersion="6" InstalledOn="deadbeef-0000-0000-0000-000000000000" />`);
    assert.deepEqual(notUnderstoodIn(text), []);
  });

  it('a dependency of unknown usage, on an unknown role, on a missing service, or on a Registrar of no Front End pool', () => {
    const withDirector = withServices(`        <Service UniqueId="500000dd-0000-0000-0000-000000000000" RoleName="Registrar" RoleVersion="1" ServiceVersion="6" InstalledOn="c00000dd-0000-0000-0000-000000000000" />`)
      .replace('          </Clusters>', `            <Cluster IsSingleMachineOnly="true" UniqueId="c00000dd-0000-0000-0000-000000000000" Fqdn="dir01.corp.contoso.com" />\r\n          </Clusters>`)
      .replace(/<Service UniqueId="5000000A[\s\S]*?<\/Service>/, chatService(`            <Dependency ServiceUniqueId="50000005-0000-0000-0000-000000000000" Usage="Witness" />
            <Dependency ServiceUniqueId="50000001-0000-0000-0000-000000000000" Usage="Default" />
            <Dependency ServiceUniqueId="00000000-0000-0000-0000-0000000000ff" Usage="Default" />
            <Dependency ServiceUniqueId="500000dd-0000-0000-0000-000000000000" Usage="Default" />`).replace(/\r?\n/g, '\r\n'));
    const found = notUnderstoodIn(withDirector);
    assert.deepEqual(
      found.map((f) => f.at),
      ['Dependency', 'Dependency', 'Dependency', 'Dependency'],
    );
    assert.match(found[0].message, /usage 'Witness'/);
    assert.match(found[1].message, /UserStore/);
    assert.match(found[2].message, /00000000-0000-0000-0000-0000000000ff/);
    assert.match(found[3].message, /Registrar.*dir01\.corp\.contoso\.com.*no Front End pool/);
    const [pool] = read(withDirector).topology.persistentChatPools;
    assert.equal(pool.nextHop?.value, 'pool01', 'the first Registrar is still the next hop');
    assert.equal(pool.database, undefined);
  });

  it('a PersistentChatService with no Registrar and no Persistent Chat store to depend on: one finding for each, at the Service', () => {
    const dependencyOn = (id: string) => new RegExp(`<Dependency ServiceUniqueId="${id}" Usage="[A-Za-z]+" />`, 'g');
    const text = ['50000004', '50000005', '50000006', '50000007', '50000008'].reduce((t, id) => t.replace(dependencyOn(`${id}-0000-0000-0000-000000000000`), ''), EE_SAVED);
    const found = notUnderstoodIn(text);
    assert.deepEqual(found.map((f) => f.at), ['Service', 'Service']);
    assert.match(found[0].message, /no next hop/);
    assert.match(found[1].message, /no Persistent Chat database/);
  });

  it('a Persistent Chat store installed on a cluster rather than a SQL Server instance: one finding at its Service', () => {
    const text = EE_SAVED.replace(
      'RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000003-0000-0000-0000-000000000000"',
      'RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="c0000003-0000-0000-0000-000000000000"',
    );
    const found = notUnderstoodIn(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].at, 'Service');
    assert.match(found[0].message, /PersistentChatStore is installed on Cluster sqlpc01\.corp\.contoso\.com \(site 1\) rather than on one of its SQL Server instances, so the Persistent Chat database/);
    const db = read(text).topology.persistentChatPools[0].database!;
    assert.equal(db.store, undefined);
    assert.equal(db.mirror?.value, 'sqlpc02-pchat');
  });

  it('a mirror element in the store service: read when it names an instance, reported when it names none', () => {
    const mirrored = EE_SAVED.replace(/ *<Dependency ServiceUniqueId="50000006[^>]*>\r\n/, '').replace(
      '<Service UniqueId="50000005-0000-0000-0000-000000000000" RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000003-0000-0000-0000-000000000000" />',
      '<Service UniqueId="50000005-0000-0000-0000-000000000000" RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000003-0000-0000-0000-000000000000">\r\n          <MirrorSqlInstance SqlInstanceUniqueId="10000004-0000-0000-0000-000000000000" />\r\n          <Witness Fqdn="w.corp.contoso.com" />\r\n        </Service>',
    );
    const found = notUnderstoodIn(mirrored);
    assert.deepEqual(found.map((f) => f.at), ['Witness']);
    const db = read(mirrored).topology.persistentChatPools[0].database!;
    assert.equal(db.mirror?.value, 'sqlpc02-pchat');
    assertElement(mirrored, db.mirror!.span, 'MirrorSqlInstance');
  });

  it('a machine without an FQDN in a multiple-server pool, and an MTLS port without a number', () => {
    const text = EE_SAVED.replace('<Machine Fqdn="pc04.corp.contoso.com" FaultDomain="pc04.corp.contoso.com" UpgradeDomain="pc04.corp.contoso.com">', '<Machine>').replace(
      'Port="5041" Protocol="Mtls"',
      'Protocol="Mtls"',
    );
    const found = notUnderstoodIn(text);
    assert.deepEqual(found.map((f) => f.at), ['Machine', 'Port']);
    const [pool] = read(text).topology.persistentChatPools;
    assert.equal(pool.servers.length, 3);
    assert.equal(pool.sipPort, undefined);
  });
});

describe('Topology Builder reader: bad input is a problem, never an exception', () => {
  function problems(text: string): TopologyBuilderReading['syntaxProblems'] {
    const reading = readTopologyBuilder(text, 'bad');
    assert.ok(reading.syntaxProblems.length > 0, 'a syntax problem');
    assertEmpty(reading);
    for (const p of reading.syntaxProblems) {
      assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `span within the text: ${JSON.stringify(p)}`);
      assert.match(p.message, /^[A-Z].*[.?]$/, 'a sentence');
    }
    return reading.syntaxProblems;
  }

  it('not XML, empty, only a declaration', () => {
    for (const text of ['topology: Contoso\ndomain: contoso.com\n', '', '\uFEFF', '<?xml version="1.0"?>']) problems(text);
  });

  it('a truncated file: the problem is at the end', () => {
    const text = EE_SAVED.slice(0, Math.floor(EE_SAVED.length / 2));
    const [first] = problems(text);
    assert.ok(first.span.end >= text.length - 1);
  });

  it('mismatched tags, an undefined entity, an unbound prefix, a duplicate attribute: at the parser’s position', () => {
    const mismatched = EE_SAVED.replace('</Clusters>', '</Cluster>');
    const [problem] = problems(mismatched);
    assert.match(problem.message, /end tag/);
    assert.ok(Math.abs(problem.span.start - mismatched.indexOf('</Cluster>\r\n        </CentralSite>')) < 12);
    assert.match(problems(EE_SAVED.replace('>Redmond HQ<', '>Redmond &hq;<'))[0].message, /entity/);
    assert.match(problems(EE_SAVED.replace('<Clusters>', '<x:Clusters>').replace('</Clusters>', '</x:Clusters>'))[0].message, /prefix 'x'/);
    assert.match(problems(EE_SAVED.replace('SiteId="1"', 'SiteId="1" SiteId="2"'))[0].message, /SiteId/);
  });

  it('UTF-16 read as UTF-8: one problem saying so, with or without its byte-order mark', () => {
    const withoutBom = Buffer.from(EE_SAVED.slice(1), 'utf16le').toString('utf8');
    assert.ok(withoutBom.includes('\0'));
    const [missing, ...others] = problems(withoutBom);
    assert.deepEqual(others, []);
    assert.match(missing.message, /UTF-16.*without a byte-order mark/);
    const withBom = Buffer.from(EE_SAVED, 'utf16le').toString('utf8');
    assert.match(problems(withBom)[0].message, /UTF-16.*read as UTF-8/);
    assert.equal(problems(withBom).length, 1);
    assert.match(problems(EE_SAVED.replace('Redmond HQ', 'Redmond\0HQ'))[0].message, /NUL/);
  });

  it('XML of another kind: one problem naming its root element and namespace', () => {
    const [pom, ...others] = problems('<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>\n');
    assert.deepEqual(others, []);
    assert.match(pom.message, /not a Topology Builder topology.*<project>.*http:\/\/maven\.apache\.org\/POM\/4\.0\.0/);
    assert.match(problems('<Topology xmlns="urn:example:other"/>')[0].message, /<Topology> in the namespace 'urn:example:other'/);
    assert.match(problems('<TopologyBuilder/>')[0].message, /in no namespace/);
    assert.match(problems(`<TopologyBuilder xmlns="${NS.topologyBuilder}"><OldTopology/></TopologyBuilder>`)[0].message, /NewTopology/);
  });

  it('an entity-expansion bomb: the DOCTYPE is refused, nothing is expanded, at once', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE TopologyBuilder [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<TopologyBuilder xmlns="${NS.topologyBuilder}">&lol9;</TopologyBuilder>`;
    const started = performance.now();
    const [problem, ...others] = problems(bomb);
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(others, []);
    assert.match(problem.message, /DOCTYPE.*not expanded/);
    assert.equal(slice(bomb, problem.span), '<!DOCTYPE');
  });

  it('nesting a thousand levels deep', () => {
    const deep = `<TopologyBuilder xmlns="${NS.topologyBuilder}">${'<NewTopology>'.repeat(100_000)}`;
    assert.match(problems(deep)[0].message, /more than 100 levels/);
  });

  it('5 MB: a valid topology and a corrupted one each finish within a few seconds', () => {
    const big = generateTopologyBuilderXml(62_000);
    assert.ok(big.length > 5_000_000);
    let started = performance.now();
    const reading = read(big);
    assert.ok(performance.now() - started < 5000, `read in ${performance.now() - started} ms`);
    assert.ok(reading.topology.persistentChatPools.length > 500);
    const corrupted = big.replace(/<\/Machine>/g, '<Machine <');
    started = performance.now();
    problems(corrupted);
    assert.ok(performance.now() - started < 5000);
  });
});

describe('looksLikeTopologyBuilder', () => {
  it('recognises both forms past a BOM, the XML declaration and comments, with any prefix', () => {
    assert.ok(looksLikeTopologyBuilder(EE_SAVED));
    assert.ok(looksLikeTopologyBuilder(EE_SINGLE_PUBLISHED));
    assert.ok(looksLikeTopologyBuilder(seCollocated(true)));
    assert.ok(looksLikeTopologyBuilder(asWindowsFile(`<!-- a -->\n<?pi x?>\n<t:Topology xmlns:t='${NS.topology}'/>`)));
    assert.ok(looksLikeTopologyBuilder(Buffer.from(EE_SAVED.slice(1), 'utf16le').toString('utf8')), 'UTF-16 read as UTF-8, for the reader to explain');
    assert.ok(looksLikeTopologyBuilder(Buffer.from(EE_SAVED, 'utf16le').toString('utf8')));
  });

  it('rejects other XML and other files', () => {
    assert.ok(!looksLikeTopologyBuilder('<project xmlns="http://maven.apache.org/POM/4.0.0"/>'));
    assert.ok(!looksLikeTopologyBuilder(`<Topology xmlns="urn:example:other"/>`));
    assert.ok(!looksLikeTopologyBuilder(`<t:Topology xmlns="${NS.topology}" xmlns:t="urn:example:other"/>`));
    assert.ok(!looksLikeTopologyBuilder(`<Site xmlns="${NS.topology}"/>`));
    assert.ok(!looksLikeTopologyBuilder('topology: Contoso\n'));
    assert.ok(!looksLikeTopologyBuilder(''));
  });

  it('looks only at the start of a large file', () => {
    const big = generateTopologyBuilderXml(20_000);
    const started = performance.now();
    for (let i = 0; i < 100; i++) looksLikeTopologyBuilder(big);
    assert.ok(performance.now() - started < 200);
  });
});

describe('bench/generateTopologyBuilder', () => {
  it('writes a valid saved topology of about the asked size, every construct understood', () => {
    const text = generateTopologyBuilderXml(2000);
    assert.ok(Math.abs(text.split('\r\n').length - 2000) < 150);
    const reading = read(text);
    assert.deepEqual(reading.notUnderstood, []);
    assert.ok(reading.topology.persistentChatPools.every((p) => p.nextHop && p.database?.store && p.compliance?.store && p.fileStore && p.servers.length === 4));
    assert.equal(generateTopologyBuilderXml(2000), text);
  });
});

describe('Topology Builder reader: little topologies', () => {
  it('a saved topology without sites or services reads as empty sections, without problems', () => {
    const reading = read(saved(''));
    assertEmpty(reading);
    assert.deepEqual(reading.notUnderstood, []);
    assert.equal(reading.topology.domain, undefined, 'no computer, no domain');
  });

  it('a published site without a Name: its id from the SiteId', () => {
    const text = published('  <Sites><CentralSite SiteId="7" /></Sites>');
    const [site] = read(text).topology.sites;
    assert.equal(site.id.value, 'site-7');
    assertAttribute(text, site.id, 'SiteId', 'site-7', '7');
  });

  it('a cluster naming a site that is not there keeps the SiteId as written: an unknown reference for the rules', () => {
    const text = published(`  <Clusters><Cluster Fqdn="pc.corp.example.com"><ClusterId SiteId="9" Number="1" /><Machine OrdinalInCluster="1" Fqdn="pc.corp.example.com" /></Cluster></Clusters>
  <SqlInstances><SqlInstance><SqlInstanceId Name="PCHAT"><ClusterId SiteId="9" Number="1" /></SqlInstanceId></SqlInstance></SqlInstances>`);
    const { topology } = read(text);
    assertAttribute(text, topology.sqlStores[0].site, 'SiteId', '9');
    assert.deepEqual(topology.references.map((r) => [r.key, r.field.value, r.expected]), [['site', '9', 'site']]);
  });
});
