import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import type { DiagramModel } from '../../server/src/service/features/diagramModel';
import { DIAGRAM_MODEL_REQUEST } from '../../server/src/lsp/protocol';
import type { LspClient } from './lspClient';
import { codesIn, freshUri, messageOf, pos, startServer, textIn } from './util';

/*
 * Topology Builder's XML through the built server, as VS Code sends it: a saved .tbxml in our language, and the
 * published form and other XML in VS Code's own `xml` language.
 */

const NS = 'urn:schema:Microsoft.Rtc.Management.Deploy';
const id = {
  site: '1',
  fePool: 'a1f0c6d2-0b1e-4c51-9d37-5f9a8e2b7c01',
  sqlBe: 'b2e1d7e3-1c2f-4d62-8e48-6a0b9f3c8d02',
  rtc: 'c3f2e8f4-2d3a-4e73-9f59-7b1c0a4d9e03',
  sqlPc: 'd4a3f9a5-3e4b-4f84-8a6a-8c2d1b5eaf04',
  pchatInstance: 'e5b4a0b6-4f5c-4a95-9b7b-9d3e2c6fb005',
  fs: 'f6c5b1c7-5a6d-4ba6-8c8c-ae4f3d7ac106',
  userServices: '17d6c2d8-6b7e-4cb7-9d9d-bf504e8bd207',
  registrar: '28e7d3e9-7c8f-4dc8-8eae-c0615f9ce308',
  userStore: '39f8e4fa-8d90-4ed9-9fbf-d1726aadf409',
  fileStore: '4a09f50b-9ea1-4fea-a0c0-e2837bbe050a',
  pchatStore: '5b1a061c-afb2-4a0b-b1d1-f3948ccf160b',
  pchat: '6c2b172d-b0c3-4b1c-82e2-04a59dd0270c',
};

const service = (uniqueId: string, role: string, installedOn: string, dependsOn: string[] = [], inner = '') =>
  [
    `        <Service UniqueId="${uniqueId}" RoleName="${role}" RoleVersion="1" InstalledOn="${installedOn}" ServiceVersion="6">`,
    `          <DependsOn>${dependsOn.map((d) => `<Dependency ServiceUniqueId="${d}" Usage="Default" />`).join('')}</DependsOn>`,
    ...(inner ? [inner] : []),
    '        </Service>',
  ].join('\r\n');

/**
 * A topology saved by Topology Builder (CRLF, as it writes them) with an Enterprise Edition Front End pool whose
 * cluster also runs the Persistent Chat service: Persistent Chat collocated on Front End servers, PC101.
 */
const SAVED = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<TopologyBuilder IsFreeFromChanges="true" FileName="C:\\Topology\\tailspin.tbxml" xmlns="${NS}.TopologyBuilder.2008">`,
  '  <NewTopology>',
  `    <PartialTopology IsPublished="true" Signature="0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9" xmlns="${NS}.WritableTopology.2008">`,
  `      <InternalDomains AllowAllDomains="false" DefaultDomain="tailspin.com" xmlns="${NS}.Topology.2008" />`,
  '      <CentralSites>',
  `        <CentralSite SiteId="${id.site}">`,
  `          <Name xmlns="${NS}.Topology.2008">Main</Name>`,
  '          <Clusters>',
  `            <Cluster IsSingleMachineOnly="false" UniqueId="${id.fePool}" RequiresReplication="true" RequiresSetup="true" Fqdn="pool.corp.tailspin.com">`,
  '              <Machines>',
  '                <Machine Fqdn="fe01.corp.tailspin.com" FaultDomain="FaultDomain1" UpgradeDomain="UpgradeDomain1" />',
  '                <Machine Fqdn="fe02.corp.tailspin.com" FaultDomain="FaultDomain2" UpgradeDomain="UpgradeDomain2" />',
  '              </Machines>',
  '              <SqlInstances />',
  '            </Cluster>',
  `            <Cluster IsSingleMachineOnly="true" UniqueId="${id.sqlBe}" RequiresReplication="false" RequiresSetup="false" Fqdn="sql01.corp.tailspin.com">`,
  '              <Machines><Machine /></Machines>',
  `              <SqlInstances><SqlInstance UniqueId="${id.rtc}" Name="RTC" /></SqlInstances>`,
  '            </Cluster>',
  `            <Cluster IsSingleMachineOnly="true" UniqueId="${id.sqlPc}" RequiresReplication="false" RequiresSetup="false" Fqdn="sql02.corp.tailspin.com">`,
  '              <Machines><Machine /></Machines>',
  `              <SqlInstances><SqlInstance UniqueId="${id.pchatInstance}" Name="PCHAT" /></SqlInstances>`,
  '            </Cluster>',
  `            <Cluster IsSingleMachineOnly="true" UniqueId="${id.fs}" RequiresReplication="false" RequiresSetup="false" Fqdn="fs01.corp.tailspin.com">`,
  '              <Machines><Machine /></Machines>',
  '              <SqlInstances />',
  '            </Cluster>',
  '          </Clusters>',
  '        </CentralSite>',
  '      </CentralSites>',
  '      <Services>',
  service(id.userServices, 'UserServices', id.fePool, [id.userStore, id.fileStore]),
  service(id.registrar, 'Registrar', id.fePool, [id.userServices]),
  service(id.userStore, 'UserStore', id.rtc),
  service(id.fileStore, 'FileStore', id.fs, [], `          <FileStoreService ShareName="lync" xmlns="${NS}.ServiceRoles.2008" />`),
  service(id.pchat, 'PersistentChatService', id.fePool, [id.registrar, id.fileStore, id.pchatStore]),
  service(id.pchatStore, 'PersistentChatStore', id.pchatInstance),
  '      </Services>',
  '    </PartialTopology>',
  '  </NewTopology>',
  '</TopologyBuilder>',
  '',
].join('\r\n');

/** Published services: role, the roles it depends on, and where it is installed (a cluster or a SQL instance). */
const PUBLISHED_SERVICES: [role: string, dependsOn: string[], installedOn: string][] = [
  ['UserServices', ['UserStore'], '<ClusterId SiteId="1" Number="1" />'],
  ['Registrar', ['UserServices'], '<ClusterId SiteId="1" Number="1" />'],
  ['UserStore', [], '<SqlInstanceId Name="RTC"><ClusterId SiteId="1" Number="2" /></SqlInstanceId>'],
  ['PersistentChatService', ['Registrar', 'PersistentChatStore'], '<ClusterId SiteId="1" Number="1" />'],
  ['PersistentChatStore', [], '<SqlInstanceId Name="PCHAT"><ClusterId SiteId="1" Number="3" /></SqlInstanceId>'],
];

const publishedService = ([role, dependsOn, installedOn]: (typeof PUBLISHED_SERVICES)[number]) =>
  [
    '    <Service RoleVersion="1" ServiceVersion="6">',
    `      <ServiceId SiteId="1" RoleName="${role}" Instance="1" />`,
    `      <DependsOn>${dependsOn.map((d) => `<Dependency Usage="Default"><ServiceId SiteId="1" RoleName="${d}" Instance="1" /></Dependency>`).join('')}</DependsOn>`,
    `      <InstalledOn>${installedOn}</InstalledOn>`,
    '    </Service>',
  ].join('\n');

/** The same fault in the published form (`Get-CsTopology -AsXml`): structured ids instead of GUIDs. */
const PUBLISHED = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<Topology xmlns="${NS}.Topology.2008" Signature="0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9">`,
  '  <InternalDomains AllowAllDomains="false" DefaultDomain="tailspin.com" />',
  '  <Sites><CentralSite SiteId="1"><Name>Main</Name></CentralSite></Sites>',
  '  <Clusters>',
  '    <Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="pool.corp.tailspin.com">',
  '      <ClusterId SiteId="1" Number="1" />',
  '      <Machine OrdinalInCluster="1" Fqdn="fe01.corp.tailspin.com" />',
  '      <Machine OrdinalInCluster="2" Fqdn="fe02.corp.tailspin.com" />',
  '    </Cluster>',
  '    <Cluster RequiresReplication="false" RequiresSetup="false" Fqdn="sql01.corp.tailspin.com">',
  '      <ClusterId SiteId="1" Number="2" />',
  '      <Machine OrdinalInCluster="1" Fqdn="sql01.corp.tailspin.com" />',
  '    </Cluster>',
  '    <Cluster RequiresReplication="false" RequiresSetup="false" Fqdn="sql02.corp.tailspin.com">',
  '      <ClusterId SiteId="1" Number="3" />',
  '      <Machine OrdinalInCluster="1" Fqdn="sql02.corp.tailspin.com" />',
  '    </Cluster>',
  '  </Clusters>',
  '  <SqlInstances>',
  '    <SqlInstance><SqlInstanceId Name="RTC"><ClusterId SiteId="1" Number="2" /></SqlInstanceId></SqlInstance>',
  '    <SqlInstance><SqlInstanceId Name="PCHAT"><ClusterId SiteId="1" Number="3" /></SqlInstanceId></SqlInstance>',
  '  </SqlInstances>',
  '  <Services>',
  ...PUBLISHED_SERVICES.map(publishedService),
  '  </Services>',
  '</Topology>',
  '',
].join('\n');

/** XML of another tool, which the server must leave alone. */
const POM = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<project xmlns="http://maven.apache.org/POM/4.0.0">',
  '  <modelVersion>4.0.0</modelVersion>',
  '  <groupId>com.tailspin</groupId>',
  '  <artifactId>Topology</artifactId>',
  '</project>',
  '',
].join('\n');

describe('LSP on Topology Builder XML', () => {
  let client: LspClient;
  const uri = freshUri('tailspin', '.tbxml');
  let diagnostics: Diagnostic[];

  before(async () => {
    client = await startServer();
    await client.open(uri, SAVED, 1, 'pchat-topology-builder');
    diagnostics = (await client.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics;
  });
  after(() => client.shutdown());

  async function hoverAt(position: Position): Promise<{ markdown: string; hover: Hover }> {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover, `no hover at ${JSON.stringify(position)}`);
    return { markdown: (hover.contents as MarkupContent).value, hover };
  }

  const includesAll = (markdown: string, parts: string[]) => {
    for (const part of parts) assert.ok(markdown.includes(part), `hover lacks '${part}':\n${markdown}`);
  };

  it("publishes PC101 on each Front End server's Fqdn attribute, saying what to change in Topology Builder", () => {
    assert.deepEqual(codesIn(diagnostics), ['PC101']);
    const pc101 = diagnostics.filter((d) => d.code === 'PC101');
    assert.equal(pc101.length, 2);
    for (const [i, fqdn] of ['fe01.corp.tailspin.com', 'fe02.corp.tailspin.com'].entries()) {
      const machine = `<Machine Fqdn="${fqdn}"`;
      assert.deepEqual(pc101[i].range, { start: pos(SAVED, machine, '<Machine Fqdn="'.length), end: pos(SAVED, machine, machine.length - 1) }, 'the range is the Machine\'s Fqdn value');
      assert.equal(textIn(SAVED, pc101[i].range), fqdn);
      assert.match(messageOf(pc101[i]), /In Topology Builder: /);
    }
  });

  it("hover on the Front End pool Cluster's Fqdn: both pools the cluster runs", async () => {
    const { markdown } = await hoverAt(pos(SAVED, 'Fqdn="pool.corp.tailspin.com"', 8));
    includesAll(markdown, ['**Enterprise Edition Front End pool `pool`** — pool.corp.tailspin.com', '2 Front End server(s)', 'sql01.corp.tailspin.com\\RTC']);
    includesAll(markdown, ['**Persistent Chat pool `pool-pchat`**', '2 active', '40,000', 'sql02.corp.tailspin.com\\PCHAT']);
  });

  it('hover on a Machine: the Front End server and its pool, with the finding there', async () => {
    const { markdown, hover } = await hoverAt(pos(SAVED, '<Machine Fqdn="fe01', 17));
    includesAll(markdown, ['**Front End server fe01.corp.tailspin.com** of Enterprise Edition pool `pool`', '**PC101**']);
    assert.equal(textIn(SAVED, hover.range!), 'fe01.corp.tailspin.com');
  });

  it('hover on the SqlInstance: the store and the database it hosts', async () => {
    const { markdown, hover } = await hoverAt(pos(SAVED, 'Name="PCHAT"', 7));
    includesAll(markdown, ['sql02.corp.tailspin.com\\PCHAT', "Persistent Chat database of Persistent Chat pool 'pool-pchat'"]);
    assert.equal(textIn(SAVED, hover.range!), 'PCHAT');
  });

  it('hover on the PersistentChatService Service: the Persistent Chat pool', async () => {
    const { markdown } = await hoverAt(pos(SAVED, 'RoleName="PersistentChatService"', 12));
    includesAll(markdown, ['**Persistent Chat pool `pool-pchat`**', "Next hop: Front End pool 'pool'"]);
  });

  it('documentSymbol: the outline of sites, stores and pools, each on its XML', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Sites', 'SQL stores', 'File stores', 'Front End pools', 'Persistent Chat pools']);
    const section = (name: string) => symbols.find((s) => s.name === name)!;
    assert.deepEqual(section('SQL stores').children?.map((c) => [c.name, textIn(SAVED, c.selectionRange)]), [['sql01-rtc', 'RTC'], ['sql02-pchat', 'PCHAT']]);
    assert.deepEqual(section('File stores').children?.map((c) => c.name), ['fs01']);
    const [fe] = section('Front End pools').children!;
    assert.equal(textIn(SAVED, fe.selectionRange), 'pool.corp.tailspin.com');
    const [pool] = section('Persistent Chat pools').children!;
    assert.equal(pool.name, 'pool-pchat');
    assert.deepEqual(pool.children?.map((c) => c.name), ['fe01.corp.tailspin.com', 'fe02.corp.tailspin.com']);
    assert.match(textIn(SAVED, pool.range), /^<Cluster IsSingleMachineOnly="false"[\s\S]*<\/Cluster>$/);
  });

  it('the diagram model: pools, servers and SQL instances, each node on its XML element', async () => {
    const model = await client.request<DiagramModel | null>(DIAGRAM_MODEL_REQUEST, { uri });
    assert.ok(model);
    const node = (id: string) => model.nodes.find((n) => n.id === id)!;
    assert.equal(model.nodes.filter((n) => n.kind === 'persistentChatServer').length, 2);
    assert.match(textIn(SAVED, node('pc:pool-pchat').range), /^<Cluster /);
    assert.match(textIn(SAVED, node('pc:pool-pchat/server:0').range), /^<Machine Fqdn="fe01\.corp\.tailspin\.com"/);
    assert.match(textIn(SAVED, node('sql:sql02.corp.tailspin.com/PCHAT').range), /^<SqlInstance .*Name="PCHAT" \/>$/);
    assert.ok(model.nodes.some((n) => n.kind === 'frontEndPool' && n.id === 'fe:pool'));
    assert.ok(model.edges.some((e) => e.kind === 'nextHop' && e.source === 'pc:pool-pchat' && e.target === 'fe:pool'));
  });

  it('offers no edit to a Topology Builder file: neither a quick fix nor fix-all', async () => {
    for (const d of diagnostics) {
      for (const only of [undefined, ['source.fixAll']]) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
        assert.deepEqual(actions.filter((a) => a.edit), [], `${d.code} has an edit`);
      }
    }
  });

  it('checks an `xml` document whose root is a published topology', async () => {
    const xmlUri = freshUri('published', '.xml');
    await client.open(xmlUri, PUBLISHED, 1, 'xml');
    const published = await client.waitForDiagnostics(xmlUri, (p) => p.version === 1);
    assert.ok(codesIn(published.diagnostics).includes('PC101'), JSON.stringify(published.diagnostics));
    for (const d of published.diagnostics.filter((x) => x.code === 'PC101')) assert.match(textIn(PUBLISHED, d.range), /^fe0[12]\.corp\.tailspin\.com$/);
  });

  it('leaves other XML alone: no diagnostics, no outline, no hover', async () => {
    const pomUri = freshUri('pom', '.xml');
    await client.open(pomUri, POM, 1, 'xml');
    // A topology opened after it is checked, and a second later the other XML still has nothing.
    const laterUri = freshUri('later', '.tbxml');
    await client.open(laterUri, SAVED, 1, 'pchat-topology-builder');
    await client.waitForDiagnostics(laterUri, (p) => p.version === 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(client.published(pomUri), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: pomUri } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: pomUri }, position: pos(POM, 'Topology') }), null);
  });
});
