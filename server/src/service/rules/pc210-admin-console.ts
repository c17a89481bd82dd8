import type { Rule } from './rule';
import { PAGES } from './sources';

export const adminConsolePrerequisites: Rule = {
  id: 'PC210',
  title: 'Admin consoles are listed but no global catalog is given',
  defaultSeverity: 'error',
  sources: [PAGES.componentsAndTopologies],
  quote: 'This computer must then be deployed in an Active Directory Domain Services domain, with at least one global catalog server in the forest root.',
  check({ topology, report }) {
    if (topology.adminConsoles.length === 0 || topology.globalCatalog || topology.faulted.has('/globalCatalog') || !topology.adminConsolesKey) return;
    report({
      span: topology.adminConsolesKey.keySpan,
      message: "Admin consoles are listed but no 'globalCatalog' is given; Lync Server Control Panel needs a global catalog server in the forest root.",
    });
  },
};
