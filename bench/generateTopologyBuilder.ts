/**
 * A generator of large, valid Topology Builder topologies in the saved form (`.tbxml`), for measuring the reader.
 *
 * The topology is made of central sites, one after another until the wanted size is reached, each with an
 * Enterprise Edition Front End pool of three servers and its back-end SQL Server, a SQL Server holding the
 * Persistent Chat and compliance databases, a file server and a multiple-server Persistent Chat pool of four
 * servers that uses the Front End pool as next hop. Every FQDN and GUID is unique; the text is UTF-8 with a
 * byte-order mark and CRLF line ends, as Topology Builder writes it. The same size gives the same text.
 */

const NS = {
  topologyBuilder: 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008',
  writable: 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008',
  topology: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
  serviceRoles: 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008',
};
const DOMAIN = 'corp.contoso.com';
const FRONT_END_SERVERS = 3;
const PERSISTENT_CHAT_SERVERS = 4;

/** A GUID unique to (site, thing). */
function guid(site: number, thing: number): string {
  return `${thing.toString(16).padStart(8, '0')}-0000-4000-8000-${site.toString(16).padStart(12, '0')}`;
}

const THING = { pool: 1, sqlBackEnd: 2, sqlChat: 3, fileServer: 4, chatPool: 5, rtc: 6, pchat: 7, pchatcomp: 8, userStore: 9, fileStore: 10, userServices: 11, registrar: 12, chatStore: 13, complianceStore: 14, chatService: 15 };

function machine(fqdn: string | undefined, indent: string): string[] {
  const name = fqdn ? ` Fqdn="${fqdn}" FaultDomain="${fqdn}" UpgradeDomain="${fqdn}"` : '';
  return [
    `${indent}<Machine${name}>`,
    `${indent}  <NetInterface xmlns="${NS.topology}" InterfaceSide="Primary" InterfaceNumber="1" IPAddress="0.0.0.0" />`,
    `${indent}</Machine>`,
  ];
}

function cluster(site: number, thing: number, fqdn: string, machines: string[], instances: [number, string][]): string[] {
  const indent = '            ';
  const single = machines.length === 0;
  return [
    `${indent}<Cluster UniqueId="${guid(site, thing)}" Fqdn="${fqdn}" IsSingleMachineOnly="${single}" RequiresReplication="${!single}" RequiresSetup="true">`,
    `${indent}  <Machines>`,
    ...(single ? machine(undefined, `${indent}    `) : machines.flatMap((m) => machine(m, `${indent}    `))),
    `${indent}  </Machines>`,
    ...(instances.length > 0
      ? [`${indent}  <SqlInstances>`, ...instances.map(([id, name]) => `${indent}    <SqlInstance UniqueId="${guid(site, id)}" Name="${name}" />`), `${indent}  </SqlInstances>`]
      : []),
    `${indent}</Cluster>`,
  ];
}

function host(name: string, site: number): string {
  return `${name}${String(site).padStart(3, '0')}.${DOMAIN}`;
}

function centralSite(site: number): string[] {
  const servers = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => host(`${prefix}${k + 1}-`, site));
  return [
    `        <CentralSite SiteId="${site}">`,
    `          <Name xmlns="${NS.topology}">Site ${site}</Name>`,
    `          <Location xmlns="${NS.topology}" City="City ${site}" CountryCode="US" />`,
    '          <Clusters>',
    ...cluster(site, THING.pool, host('pool', site), servers('fe', FRONT_END_SERVERS), []),
    ...cluster(site, THING.sqlBackEnd, host('sqlbe', site), [], [[THING.rtc, 'RTC']]),
    ...cluster(site, THING.sqlChat, host('sqlpc', site), [], [[THING.pchat, 'PCHAT'], [THING.pchatcomp, 'PCHATCOMP']]),
    ...cluster(site, THING.fileServer, host('fs', site), [], []),
    ...cluster(site, THING.chatPool, host('pchat', site), servers('pc', PERSISTENT_CHAT_SERVERS), []),
    '          </Clusters>',
    '        </CentralSite>',
  ];
}

function service(site: number, thing: number, role: string, installedOn: number, dependencies: number[], ports: string[], extra: string[] = []): string[] {
  const indent = '        ';
  return [
    `${indent}<Service UniqueId="${guid(site, thing)}" RoleName="${role}" RoleVersion="1" ServiceVersion="6" InstalledOn="${guid(site, installedOn)}">`,
    ...(dependencies.length > 0
      ? [`${indent}  <DependsOn>`, ...dependencies.map((d) => `${indent}    <Dependency ServiceUniqueId="${guid(site, d)}" Usage="Default" />`), `${indent}  </DependsOn>`]
      : [`${indent}  <DependsOn />`]),
    `${indent}  <Ports xmlns="${NS.serviceRoles}">`,
    ...ports.map((p) => `${indent}    ${p}`),
    `${indent}  </Ports>`,
    ...extra.map((e) => `${indent}  ${e}`),
    `${indent}</Service>`,
  ];
}

function services(site: number): string[] {
  const t = THING;
  return [
    ...service(site, t.userStore, 'UserStore', t.rtc, [], []),
    ...service(site, t.fileStore, 'FileStore', t.fileServer, [], [], [`<FileStoreService xmlns="${NS.serviceRoles}" ShareName="share${site}" />`]),
    ...service(site, t.userServices, 'UserServices', t.pool, [t.userStore, t.fileStore], [
      '<Port Owner="urn:component:McuFactory" Usage="WebServer" InterfaceSide="Primary" InterfaceNumber="1" Port="444" Protocol="Https" UrlPath="/LiveServer/McuFactory/" AuthorizesRequests="false" />',
      '<Port Owner="urn:component:PresenceFocus" Usage="UserPinManagement" InterfaceSide="Primary" InterfaceNumber="1" Port="443" Protocol="Https" UrlPath="/LiveServer/UserPinManagement/" AuthorizesRequests="false" />',
    ]),
    ...service(site, t.registrar, 'Registrar', t.pool, [t.userServices], [
      '<Port Owner="urn:component:Registrar" Usage="SipServer" InterfaceSide="Primary" InterfaceNumber="1" Port="5061" Protocol="Mtls" UrlPath="/" AuthorizesRequests="true" />',
    ]),
    ...service(site, t.chatStore, 'PersistentChatStore', t.pchat, [], []),
    ...service(site, t.complianceStore, 'PersistentChatComplianceStore', t.pchatcomp, [], []),
    ...service(site, t.chatService, 'PersistentChatService', t.chatPool, [t.registrar, t.chatStore, t.complianceStore, t.fileStore], [
      '<Port Owner="urn:component:PersistentChat" Usage="SipServer" InterfaceSide="Primary" InterfaceNumber="1" Port="5041" Protocol="Mtls" UrlPath="/" AuthorizesRequests="true" />',
      '<Port Owner="urn:component:PersistentChat" Usage="PersistentChatPool" InterfaceSide="Primary" InterfaceNumber="1" Port="8011" Protocol="Tcp" UrlPath="/" AuthorizesRequests="false" />',
    ]),
  ];
}

function topology(sites: number): string[] {
  const numbers = Array.from({ length: sites }, (_, i) => i + 1);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<TopologyBuilder xmlns="${NS.topologyBuilder}" IsFreeFromChanges="false" FileName="">`,
    '  <NewTopology>',
    `    <PartialTopology IsPublished="false" xmlns="${NS.writable}">`,
    `      <InternalDomains xmlns="${NS.topology}" AllowAllDomains="false" DefaultDomain="contoso.com">`,
    '        <InternalDomain Name="contoso.com" Authoritative="false" AllowSubDomains="false" />',
    '      </InternalDomains>',
    '      <CentralSites>',
    ...numbers.flatMap(centralSite),
    '      </CentralSites>',
    '      <Services>',
    ...numbers.flatMap(services),
    '      </Services>',
    '    </PartialTopology>',
    '  </NewTopology>',
    '</TopologyBuilder>',
  ];
}

/** A saved-form topology of about `lines` lines (never fewer than one site's worth). */
export function generateTopologyBuilderXml(lines: number): string {
  const overhead = topology(0).length;
  const perSite = topology(1).length - overhead;
  const sites = Math.max(1, Math.round((lines - overhead) / perSite));
  return `\uFEFF${topology(sites).join('\r\n')}\r\n`;
}
