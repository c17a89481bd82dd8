/** A Microsoft page a rule enforces; the URL works in a browser, and the hovers, rule pages and SARIF link it. */
export interface MicrosoftPage {
  url: string;
  title: string;
  product: 'Lync Server 2013' | 'Skype for Business Server 2015';
}

const lync = (page: string, title: string): MicrosoftPage => ({
  url: `https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/${page}`,
  title,
  product: 'Lync Server 2013',
});

const skype = (path: string, title: string): MicrosoftPage => ({
  url: `https://learn.microsoft.com/en-us/skypeforbusiness/${path}`,
  title,
  product: 'Skype for Business Server 2015',
});

/** The pages behind the catalog. */
export const PAGES = {
  componentsAndTopologies: lync('lync-server-2013-components-and-topologies-for-persistent-chat-server', 'Components and topologies for Persistent Chat Server in Lync Server 2013'),
  enterpriseCollocation: lync('lync-server-2013-server-collocation-in-an-enterprise-edition-front-end-pool-deployment', 'Server collocation in an Enterprise Edition Front End pool deployment in Lync Server 2013'),
  standardCollocation: lync('lync-server-2013-server-collocation-in-a-standard-edition-server-deployment', 'Server collocation in a Standard Edition server deployment in Lync Server 2013'),
  addPersistentChat: lync('lync-server-2013-add-persistent-chat-server-to-the-topology', 'Add Persistent Chat Server to the topology in Lync Server 2013'),
  requiredResources: lync('lync-server-2013-required-resources-for-persistent-chat-server', 'Required resources for Persistent Chat Server in Lync Server 2013'),
  highAvailability: lync('lync-server-2013-configuring-persistent-chat-server-for-high-availability-and-disaster-recovery', 'Configuring Persistent Chat Server for high availability and disaster recovery in Lync Server 2013'),
  topologyBuilderHighAvailability: lync('lync-server-2013-using-topology-builder-to-configure-high-availability-and-disaster-recovery', 'Using Topology Builder to configure high availability and disaster recovery in Lync Server 2013'),
  capacityPlanning: lync('lync-server-2013-capacity-planning-for-persistent-chat-server', 'Capacity planning for Persistent Chat Server in Lync Server 2013'),
  definingRequirements: lync('lync-server-2013-defining-your-requirements-for-persistent-chat-server', 'Defining your requirements for Persistent Chat Server in Lync Server 2013'),
  portsAndProtocols: lync('lync-server-2013-ports-and-protocols-for-internal-servers', 'Ports and protocols for internal servers in Lync Server 2013'),
  supportedTopologies: lync('lync-server-2013-supported-topologies', 'Supported topologies in Lync Server 2013'),
  skypeTopology: skype('plan-your-deployment/persistent-chat-server/topology', 'Plan Persistent Chat Server topology in Skype for Business Server 2015'),
  skypeHighAvailability: skype('plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery', 'Plan for high availability and disaster recovery for Persistent Chat Server in Skype for Business Server 2015'),
  skypeFileStore: skype('help-topics/help-topobld/add-persistent-chat-file-store', 'Add Persistent Chat File Store (Topology Builder help, Skype for Business Server 2015)'),
  skypeCapacityPlanning: skype('plan-your-deployment/persistent-chat-server/capacity-planning', 'Capacity planning for Persistent Chat Server in Skype for Business Server 2015'),
} as const satisfies Record<string, MicrosoftPage>;
