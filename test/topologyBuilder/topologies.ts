/** Small Topology Builder topologies for the reader's tests, written as Topology Builder writes them: BOM, CRLF. */

export const NS = {
  topologyBuilder: 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008',
  writable: 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008',
  topology: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
  serviceRoles: 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008',
};

export function asWindowsFile(xml: string): string {
  return `\uFEFF${xml.replace(/\r?\n/g, '\r\n')}`;
}

/** A saved topology (`.tbxml`) around the PartialTopology's content. */
export function saved(content: string): string {
  return asWindowsFile(`<?xml version="1.0" encoding="utf-8"?>
<TopologyBuilder IsFreeFromChanges="false" FileName="C:\\Topologies\\contoso.tbxml" xmlns="${NS.topologyBuilder}">
  <OldTopology>
    <PartialTopology IsPublished="true" xmlns="${NS.writable}" />
  </OldTopology>
  <NewTopology>
    <PartialTopology IsPublished="false" xmlns="${NS.writable}">
      <InternalDomains AllowAllDomains="false" DefaultDomain="contoso.com" xmlns="${NS.topology}">
        <InternalDomain Name="contoso.com" Authoritative="false" AllowSubDomains="false" />
      </InternalDomains>
${content}
    </PartialTopology>
  </NewTopology>
</TopologyBuilder>
`);
}

const machine = (fqdn: string) => `<Machine Fqdn="${fqdn}" FaultDomain="${fqdn}" UpgradeDomain="${fqdn}">
                  <NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="0.0.0.0" xmlns="${NS.topology}" />
                </Machine>`;

const sqlCluster = (id: string, fqdn: string, instances: [string, string][]) => `<Cluster IsSingleMachineOnly="true" UniqueId="${id}" RequiresReplication="false" RequiresSetup="false" Fqdn="${fqdn}">
              <Machines>
                <Machine />
              </Machines>
              <SqlInstances>
${instances.map(([uid, name]) => `                <SqlInstance UniqueId="${uid}" Name="${name}" />`).join('\n')}
              </SqlInstances>
            </Cluster>`;

/**
 * Enterprise Edition with a stretched multiple-server Persistent Chat pool, as in examples/ee-multiple-server:
 * the Persistent Chat database mirrored, log-shipped and its backup mirrored (dependencies with Usage Mirror,
 * Backup, BackupMirror), compliance on its own instance, GUIDs in mixed case and braces.
 */
export const EE_SAVED = saved(`      <CentralSites>
        <CentralSite SiteId="1">
          <Name xmlns="${NS.topology}">Redmond HQ</Name>
          <Location City="Redmond" State="WA" CountryCode="US" xmlns="${NS.topology}" />
          <Clusters>
            <Cluster IsSingleMachineOnly="false" UniqueId="c0000001-0000-0000-0000-000000000000" RequiresReplication="true" RequiresSetup="true" Fqdn="pool01.corp.contoso.com">
              <Machines>
                ${machine('fe01.corp.contoso.com')}
                ${machine('fe02.corp.contoso.com')}
                ${machine('fe03.corp.contoso.com')}
              </Machines>
            </Cluster>
            ${sqlCluster('c0000002-0000-0000-0000-000000000000', 'sqlbe01.corp.contoso.com', [['10000002-0000-0000-0000-000000000000', 'RTC']])}
            ${sqlCluster('c0000003-0000-0000-0000-000000000000', 'sqlpc01.corp.contoso.com', [['10000003-0000-0000-0000-000000000000', 'PCHAT']])}
            ${sqlCluster('c0000004-0000-0000-0000-000000000000', 'sqlpc02.corp.contoso.com', [['10000004-0000-0000-0000-000000000000', 'PCHAT']])}
            ${sqlCluster('c0000005-0000-0000-0000-000000000000', 'sqlpc11.corp.contoso.com', [['10000005-0000-0000-0000-000000000000', 'PCHAT']])}
            ${sqlCluster('c0000006-0000-0000-0000-000000000000', 'sqlpc12.corp.contoso.com', [['10000006-0000-0000-0000-000000000000', 'PCHAT']])}
            ${sqlCluster('c0000007-0000-0000-0000-000000000000', 'sqlcomp01.corp.contoso.com', [['10000007-0000-0000-0000-000000000000', 'PCHATCOMP']])}
            <Cluster IsSingleMachineOnly="true" UniqueId="c0000008-0000-0000-0000-000000000000" RequiresReplication="false" RequiresSetup="false" Fqdn="fs01.corp.contoso.com">
              <Machines>
                <Machine />
              </Machines>
            </Cluster>
            <Cluster IsSingleMachineOnly="false" UniqueId="C0000009-0000-0000-0000-000000000000" RequiresReplication="true" RequiresSetup="true" Fqdn="pchat.corp.contoso.com">
              <Machines>
                ${machine('pc01.corp.contoso.com')}
                ${machine('pc02.corp.contoso.com')}
                ${machine('pc03.corp.contoso.com')}
                ${machine('pc04.corp.contoso.com')}
              </Machines>
            </Cluster>
          </Clusters>
        </CentralSite>
      </CentralSites>
      <Services>
        <Service UniqueId="50000001-0000-0000-0000-000000000000" RoleName="UserStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000002-0000-0000-0000-000000000000">
          <DependsOn />
          <Ports xmlns="${NS.serviceRoles}" />
        </Service>
        <Service UniqueId="50000002-0000-0000-0000-000000000000" RoleName="FileStore" RoleVersion="1" ServiceVersion="6" InstalledOn="c0000008-0000-0000-0000-000000000000">
          <DependsOn />
          <Ports xmlns="${NS.serviceRoles}" />
          <FileStoreService ShareName="lyncshare" xmlns="${NS.serviceRoles}" />
        </Service>
        <Service UniqueId="50000003-0000-0000-0000-000000000000" RoleName="UserServices" RoleVersion="1" ServiceVersion="6" InstalledOn="c0000001-0000-0000-0000-000000000000">
          <DependsOn>
            <Dependency ServiceUniqueId="50000001-0000-0000-0000-000000000000" Usage="Default" />
            <Dependency ServiceUniqueId="50000002-0000-0000-0000-000000000000" Usage="Default" />
          </DependsOn>
          <Ports xmlns="${NS.serviceRoles}" />
        </Service>
        <Service UniqueId="50000004-0000-0000-0000-000000000000" RoleName="Registrar" RoleVersion="1" ServiceVersion="6" InstalledOn="c0000001-0000-0000-0000-000000000000">
          <DependsOn>
            <Dependency ServiceUniqueId="50000003-0000-0000-0000-000000000000" Usage="Default" />
          </DependsOn>
          <Ports xmlns="${NS.serviceRoles}">
            <Port Owner="urn:component:Registrar" Usage="SipServer" InterfaceSide="Primary" InterfaceNumber="1" Port="5061" Protocol="Mtls" UrlPath="/" AuthorizesRequests="true" />
          </Ports>
        </Service>
        <Service UniqueId="50000005-0000-0000-0000-000000000000" RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000003-0000-0000-0000-000000000000" />
        <Service UniqueId="50000006-0000-0000-0000-000000000000" RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000004-0000-0000-0000-000000000000" />
        <Service UniqueId="50000007-0000-0000-0000-000000000000" RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000005-0000-0000-0000-000000000000" />
        <Service UniqueId="50000008-0000-0000-0000-000000000000" RoleName="PersistentChatStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000006-0000-0000-0000-000000000000" />
        <Service UniqueId="50000009-0000-0000-0000-000000000000" RoleName="PersistentChatComplianceStore" RoleVersion="1" ServiceVersion="6" InstalledOn="10000007-0000-0000-0000-000000000000" />
        <Service UniqueId="5000000A-0000-0000-0000-000000000000" RoleName="PersistentChatService" RoleVersion="1" ServiceVersion="6" InstalledOn="{c0000009-0000-0000-0000-000000000000}">
          <DependsOn>
            <Dependency ServiceUniqueId="50000004-0000-0000-0000-000000000000" Usage="Default" />
            <Dependency ServiceUniqueId="50000005-0000-0000-0000-000000000000" Usage="Default" />
            <Dependency ServiceUniqueId="50000006-0000-0000-0000-000000000000" Usage="Mirror" />
            <Dependency ServiceUniqueId="50000007-0000-0000-0000-000000000000" Usage="Backup" />
            <Dependency ServiceUniqueId="50000008-0000-0000-0000-000000000000" Usage="BackupMirror" />
            <Dependency ServiceUniqueId="50000009-0000-0000-0000-000000000000" Usage="Default" />
            <Dependency ServiceUniqueId="50000002-0000-0000-0000-000000000000" Usage="Default" />
          </DependsOn>
          <Ports xmlns="${NS.serviceRoles}">
            <Port Owner="urn:component:PersistentChat" Usage="SipServer" InterfaceSide="Primary" InterfaceNumber="1" Port="5041" Protocol="Mtls" UrlPath="/" AuthorizesRequests="true" />
            <Port Owner="urn:component:PersistentChat" Usage="PersistentChatPool" InterfaceSide="Primary" InterfaceNumber="1" Port="8011" Protocol="Tcp" UrlPath="/" AuthorizesRequests="false" />
          </Ports>
        </Service>
      </Services>`);

/** A published topology (`Get-CsTopology -AsXml`) around the Topology's content. */
export function published(content: string): string {
  return asWindowsFile(`<?xml version="1.0" encoding="utf-8"?>
<Topology Signature="0f3a7c52-2f31-4f7d-9a5e-5c6f1d3c1e11" xmlns="${NS.topology}">
  <InternalDomains AllowAllDomains="false" DefaultDomain="fabrikam.com">
    <InternalDomain Name="fabrikam.com" Authoritative="false" AllowSubDomains="false" />
  </InternalDomains>
${content}
</Topology>
`);
}

const serviceId = (role: string, instance = 1) => `<ServiceId SiteId="1" RoleName="${role}" Instance="${instance}" />`;
const onCluster = (n: number) => `<InstalledOn>
        <ClusterId SiteId="1" Number="${n}" />
      </InstalledOn>`;
const onInstance = (name: string, n: number) => `<InstalledOn>
        <SqlInstanceId Name="${name}">
          <ClusterId SiteId="1" Number="${n}" />
        </SqlInstanceId>
      </InstalledOn>`;
const dependsOn = (...roles: string[]) => `<DependsOn>
${roles.map((r) => `        <Dependency Usage="Default">\n          ${serviceId(r)}\n        </Dependency>`).join('\n')}
      </DependsOn>`;

/**
 * Enterprise Edition with a single-server Persistent Chat pool and compliance, as in examples/ee-single-server,
 * in the published form: structured ids, no IsSingleMachineOnly, SQL Server instances listed apart.
 */
export const EE_SINGLE_PUBLISHED = published(`  <Sites>
    <CentralSite SiteId="1">
      <Name>Seattle</Name>
      <Location City="Seattle" State="WA" CountryCode="US" />
    </CentralSite>
  </Sites>
  <Clusters>
    <Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="pool01.corp.fabrikam.com">
      <ClusterId SiteId="1" Number="1" />
      <Machine OrdinalInCluster="1" Fqdn="fe01.corp.fabrikam.com" FaultDomain="fe01.corp.fabrikam.com" UpgradeDomain="fe01.corp.fabrikam.com" />
      <Machine OrdinalInCluster="2" Fqdn="fe02.corp.fabrikam.com" FaultDomain="fe02.corp.fabrikam.com" UpgradeDomain="fe02.corp.fabrikam.com" />
    </Cluster>
    <Cluster RequiresReplication="false" RequiresSetup="false" Fqdn="sqlbe01.corp.fabrikam.com">
      <ClusterId SiteId="1" Number="2" />
      <Machine OrdinalInCluster="1" Fqdn="sqlbe01.corp.fabrikam.com" />
    </Cluster>
    <Cluster RequiresReplication="false" RequiresSetup="false" Fqdn="sqlpc01.corp.fabrikam.com">
      <ClusterId SiteId="1" Number="3" />
      <Machine OrdinalInCluster="1" Fqdn="sqlpc01.corp.fabrikam.com" />
    </Cluster>
    <Cluster RequiresReplication="false" RequiresSetup="false" Fqdn="fs01.corp.fabrikam.com">
      <ClusterId SiteId="1" Number="4" />
      <Machine OrdinalInCluster="1" Fqdn="fs01.corp.fabrikam.com" />
    </Cluster>
    <Cluster RequiresReplication="true" RequiresSetup="true" Fqdn="pc01.corp.fabrikam.com">
      <ClusterId SiteId="1" Number="5" />
      <Machine OrdinalInCluster="1" Fqdn="pc01.corp.fabrikam.com" />
    </Cluster>
  </Clusters>
  <SqlInstances>
    <SqlInstance>
      <SqlInstanceId Name="RTC">
        <ClusterId SiteId="1" Number="2" />
      </SqlInstanceId>
    </SqlInstance>
    <SqlInstance>
      <SqlInstanceId Name="PCHAT">
        <ClusterId SiteId="1" Number="3" />
      </SqlInstanceId>
    </SqlInstance>
    <SqlInstance>
      <SqlInstanceId Name="PCHATCOMP">
        <ClusterId SiteId="1" Number="3" />
      </SqlInstanceId>
    </SqlInstance>
  </SqlInstances>
  <Services>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('UserStore')}
      <DependsOn />
      ${onInstance('RTC', 2)}
      <Ports />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('FileStore')}
      <DependsOn />
      ${onCluster(4)}
      <Ports />
      <FileStoreService ShareName="lyncshare" xmlns="${NS.serviceRoles}" />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('UserServices')}
      ${dependsOn('UserStore', 'FileStore')}
      ${onCluster(1)}
      <Ports />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('Registrar')}
      ${dependsOn('UserServices')}
      ${onCluster(1)}
      <Ports />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('PersistentChatStore')}
      <DependsOn />
      ${onInstance('PCHAT', 3)}
      <Ports />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('PersistentChatComplianceStore')}
      <DependsOn />
      ${onInstance('PCHATCOMP', 3)}
      <Ports />
    </Service>
    <Service RoleVersion="1" ServiceVersion="6">
      ${serviceId('PersistentChatService')}
      ${dependsOn('Registrar', 'PersistentChatStore', 'PersistentChatComplianceStore', 'FileStore')}
      ${onCluster(5)}
      <Ports>
        <Port Owner="urn:component:PersistentChat" Usage="SipServer" InterfaceSide="Primary" InterfaceNumber="1" Port="5041" Protocol="Mtls" UrlPath="/" AuthorizesRequests="true" />
      </Ports>
    </Service>
  </Services>`);

/**
 * A Standard Edition server running Persistent Chat, with both databases in its SQL Server Express, as in
 * examples/se-sql-express; `prefixes` writes every element with a namespace prefix instead of default namespaces.
 */
export function seCollocated(prefixes: boolean): string {
  const p = (ns: keyof typeof NS) => (prefixes ? { topologyBuilder: 'tb:', writable: 'w:', topology: 'top:', serviceRoles: 'r:' }[ns] : '');
  const xmlns = (ns: keyof typeof NS) => (prefixes ? '' : ` xmlns="${NS[ns]}"`);
  const tb = p('topologyBuilder');
  const w = p('writable');
  const t = p('topology');
  const r = p('serviceRoles');
  const declarations = prefixes ? ` xmlns:tb="${NS.topologyBuilder}" xmlns:w="${NS.writable}" xmlns:top="${NS.topology}" xmlns:r="${NS.serviceRoles}"` : ` xmlns="${NS.topologyBuilder}"`;
  const service = (id: string, role: string, on: string, body: string) =>
    `        <${w}Service UniqueId="${id}" RoleName="${role}" RoleVersion="1" ServiceVersion="6" InstalledOn="${on}">\n${body}        </${w}Service>\n`;
  const dependency = (id: string) => `            <${w}Dependency ServiceUniqueId="${id}" Usage="Default" />\n`;
  return asWindowsFile(`<?xml version="1.0" encoding="utf-8"?>
<!-- Saved by Topology Builder -->
<${tb}TopologyBuilder IsFreeFromChanges="true"${declarations}>
  <${tb}NewTopology>
    <${w}PartialTopology IsPublished="true"${xmlns('writable')}>
      <${t}InternalDomains AllowAllDomains="false" DefaultDomain="litware.com"${xmlns('topology')} />
      <${w}CentralSites>
        <${w}CentralSite SiteId="1">
          <${t}Name${xmlns('topology')}>HQ</${t}Name>
          <${w}Clusters>
            <${w}Cluster IsSingleMachineOnly="true" UniqueId="aaaaaaaa-0000-0000-0000-000000000001" RequiresReplication="true" RequiresSetup="true" Fqdn="lync01.litware.local">
              <${w}Machines>
                <${w}Machine />
              </${w}Machines>
              <${w}SqlInstances>
                <${w}SqlInstance UniqueId="bbbbbbbb-0000-0000-0000-000000000001" Name="rtc" />
              </${w}SqlInstances>
            </${w}Cluster>
          </${w}Clusters>
        </${w}CentralSite>
      </${w}CentralSites>
      <${w}Services>
${service('cccccccc-0000-0000-0000-000000000001', 'UserStore', 'bbbbbbbb-0000-0000-0000-000000000001', '')}${service(
    'cccccccc-0000-0000-0000-000000000002',
    'FileStore',
    'aaaaaaaa-0000-0000-0000-000000000001',
    `          <${r}FileStoreService ShareName="lyncshare"${xmlns('serviceRoles')} />\n`,
  )}${service(
    'cccccccc-0000-0000-0000-000000000003',
    'UserServices',
    'aaaaaaaa-0000-0000-0000-000000000001',
    `          <${w}DependsOn>\n${dependency('cccccccc-0000-0000-0000-000000000001')}${dependency('cccccccc-0000-0000-0000-000000000002')}          </${w}DependsOn>\n`,
  )}${service('cccccccc-0000-0000-0000-000000000004', 'Registrar', 'aaaaaaaa-0000-0000-0000-000000000001', '')}${service(
    'cccccccc-0000-0000-0000-000000000005',
    'PersistentChatStore',
    'bbbbbbbb-0000-0000-0000-000000000001',
    '',
  )}${service('cccccccc-0000-0000-0000-000000000006', 'PersistentChatComplianceStore', 'bbbbbbbb-0000-0000-0000-000000000001', '')}${service(
    'cccccccc-0000-0000-0000-000000000007',
    'PersistentChatService',
    'aaaaaaaa-0000-0000-0000-000000000001',
    `          <${w}DependsOn>\n${['4', '5', '6', '2'].map((n) => dependency(`cccccccc-0000-0000-0000-00000000000${n}`)).join('')}          </${w}DependsOn>\n`,
  )}      </${w}Services>
    </${w}PartialTopology>
  </${tb}NewTopology>
</${tb}TopologyBuilder>
`);
}
