import type { ItemValue } from '../edits/topologyEdits';
import type { PathSegment } from '../model/model';
import type { RuleContext } from './rule';

const ID_BASES: Record<string, string> = {
  sites: 'site',
  sqlStores: 'sql',
  fileStores: 'fs',
  frontEndPools: 'fe',
  persistentChatPools: 'pchat',
};

/** The AD DS domain, or the one most FQDNs of the file share. */
export function domainOf({ topology, index }: RuleContext): string | undefined {
  if (topology.domain) return topology.domain.value;
  const [first] = index.fqdns;
  return first?.includes('.') ? first.slice(first.indexOf('.') + 1) : undefined;
}

/** A value for a required key that passes the schema and names what exists, or undefined where only the author can say. */
export function missingKeyPlaceholder(key: string, path: PathSegment[], context: RuleContext): string | ItemValue[] | undefined {
  const { topology, index } = context;
  const domain = domainOf(context) ?? 'corp.example.com';
  const firstId = (ids: { id: { value: string } }[]) => ids[0]?.id.value;
  switch (key) {
    case 'topology':
      return 'New topology';
    case 'domain':
      return domain;
    case 'sites':
      return [{ id: 'site1' }];
    case 'id':
      return index.unusedId(ID_BASES[String(path[0])] ?? 'entity');
    case 'fqdn':
      return index.unusedFqdns(path[0] === 'persistentChatPools' ? 'pchat' : 'server', domain, 1)[0];
    case 'site':
      return firstId(topology.sites);
    case 'share':
      return 'share';
    case 'edition':
      return 'enterprise';
    case 'deployment':
      return 'multiple-server';
    case 'nextHop':
      return firstId(topology.frontEndPools);
    case 'servers':
      return [{ fqdn: index.unusedFqdns('pchat', domain, 1)[0] }];
    case 'store':
      return (topology.sqlStores.find((s) => s.fqdn && !index.databasesOnComputer(s.fqdn.value).some((db) => db.kind === 'backEnd')) ?? topology.sqlStores[0])?.id.value;
    case 'enabled':
      return 'false';
    default:
      return undefined;
  }
}
