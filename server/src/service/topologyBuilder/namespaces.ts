/** The root namespace of Topology Builder's saved form (`.tbxml`). */
export const TOPOLOGY_BUILDER_NAMESPACE = 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008';
/** The root namespace of the published form (`Get-CsTopology -AsXml`). */
export const TOPOLOGY_NAMESPACE = 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008';

/** The roots the reader accepts: local name and namespace. */
export const ROOTS = [
  { local: 'TopologyBuilder', uri: TOPOLOGY_BUILDER_NAMESPACE, form: 'saved' },
  { local: 'Topology', uri: TOPOLOGY_NAMESPACE, form: 'published' },
] as const;

const MANAGEMENT_NAMESPACES = 'urn:schema:Microsoft.Rtc.Management.';

/**
 * Whether an element below the root is one of Topology Builder's: the files spread their elements over several
 * namespaces (Deploy.TopologyBuilder, Deploy.WritableTopology, Deploy.Topology, Deploy.ServiceRoles, Settings.SimpleUrl, …), not all of them seen, so any of the
 * family is accepted.
 */
export function isTopologyBuilderNamespace(uri: string | undefined): boolean {
  // Asked for nearly every element: indexOf, as startsWith is several times slower in Node 20 on the parser's strings.
  return uri !== undefined && uri.indexOf(MANAGEMENT_NAMESPACES) === 0;
}
