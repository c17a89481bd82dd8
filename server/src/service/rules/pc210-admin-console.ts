import { isInDomain } from './pc007-server-outside-domain';
import type { Rule } from './rule';

export const adminConsolePrerequisites: Rule = {
  id: 'PC210',
  title: 'An admin console lacks a global catalog or is outside the AD DS domain',
  defaultSeverity: 'error',
  source: 'Seed (Gg398500), Persistent Chat Server Components',
  quote: 'This computer must then be deployed in an Active Directory Domain Services domain, with at least one global catalog server in the forest root.',
  check({ topology, report }) {
    if (topology.adminConsoles.length === 0) return;
    if (!topology.globalCatalog && !topology.faulted.has('/globalCatalog') && topology.adminConsolesKey) {
      report({
        span: topology.adminConsolesKey.keySpan,
        message: "Admin consoles are listed but no 'globalCatalog' is given; Lync Server Control Panel needs a global catalog server in the forest root.",
      });
    }
    const domain = topology.domain;
    if (!domain) return;
    for (const adminConsole of topology.adminConsoles) {
      if (!adminConsole.fqdn || isInDomain(adminConsole.fqdn.value, domain.value)) continue;
      report({
        span: adminConsole.fqdn.span,
        message: `Admin console '${adminConsole.fqdn.value}' is outside the AD DS domain '${domain.value}'; it must be deployed in the domain of Lync Server.`,
        related: [{ span: domain.span, message: 'The AD DS domain of Lync Server' }],
      });
    }
  },
};
