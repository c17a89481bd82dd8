import type { PathSegment } from '../model/model';

/** What an administrator calls the things in each section of the descriptor. */
export const SECTION_NOUNS: Record<string, string> = {
  sites: 'site',
  sqlStores: 'SQL store',
  fileStores: 'file store',
  frontEndPools: 'Front End pool',
  persistentChatPools: 'Persistent Chat pool',
  adminConsoles: 'admin console',
};

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function at(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value) && typeof segment === 'number') return value[segment];
  return typeof segment === 'string' ? field(value, segment) : undefined;
}

function nameOf(item: unknown, index: number): string {
  const name = field(item, 'id') ?? field(item, 'fqdn');
  return typeof name === 'string' || typeof name === 'number' ? `'${name}'` : `#${index + 1}`;
}

/** "Persistent Chat pool 'pchat'", "server 'pc01.contoso.com' of Persistent Chat pool 'pchat'", "the descriptor". */
export function describePlace(data: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the descriptor';
  const [section, index, ...rest] = path;
  const noun = SECTION_NOUNS[String(section)];
  if (!noun || typeof index !== 'number') return `'${path.join('.')}'`;
  const item = at(at(data, section), index);
  const entity = `${noun} ${nameOf(item, index)}`;
  if (rest.length === 0) return entity;
  if (rest[0] === 'servers' && typeof rest[1] === 'number' && rest.length === 2) {
    return `server ${nameOf(at(field(item, 'servers'), rest[1]), rest[1])} of ${entity}`;
  }
  return `'${rest.join('.')}' of ${entity}`;
}

/** The place of a value: "'concurrentUsers' of Persistent Chat pool 'pchat'". */
export function describeValuePlace(data: unknown, path: readonly PathSegment[]): string {
  if (path.length === 0) return 'The descriptor';
  const last = path[path.length - 1];
  const owner = path.slice(0, -1);
  const ownerName = owner.length === 0 ? '' : ` of ${describePlace(data, owner)}`;
  if (typeof last === 'number') {
    const list = owner[owner.length - 1];
    return `Entry ${last + 1} of '${String(list)}'${owner.length > 1 ? ` of ${describePlace(data, owner.slice(0, -1))}` : ''}`;
  }
  return `'${last}'${ownerName}`;
}
