import { isInDomain } from './pc007-server-outside-domain';
import type { Rule } from './rule';
import { PAGES } from './sources';

export const adminConsoleOutsideDomain: Rule = {
  id: 'PC221',
  title: 'An admin console is outside the AD DS domain of the topology',
  defaultSeverity: 'information',
  sources: [PAGES.componentsAndTopologies],
  quote: 'This computer must then be deployed in an Active Directory Domain Services domain, with at least one global catalog server in the forest root.',
  inference:
    "Microsoft asks for an AD DS domain of the forest, not for Lync Server's own domain, so a console in another domain is only a reminder to check that its domain is in Lync Server's forest.",
  check({ topology, report }) {
    const domain = topology.domain;
    if (!domain) return;
    for (const adminConsole of topology.adminConsoles) {
      if (!adminConsole.fqdn || isInDomain(adminConsole.fqdn.value, domain.value)) continue;
      report({
        span: adminConsole.fqdn.span,
        message: `Admin console '${adminConsole.fqdn.value}' is outside the AD DS domain '${domain.value}'; check that its domain is in the Active Directory forest of Lync Server.`,
        related: [{ span: domain.span, message: 'The AD DS domain of Lync Server' }],
      });
    }
  },
};
