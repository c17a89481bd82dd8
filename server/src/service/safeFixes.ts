import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** Keys whose values name an entity or a computer: a safe fix never changes them. */
const NAME_KEYS = new Set(['id', 'fqdn']);
const REFERENCE_KEYS = new Set(['site', 'backEnd', 'fileStore', 'nextHop', 'store', 'mirror', 'backup', 'backupMirror']);
/** Lists whose items are entities or servers: a safe fix never adds to them. */
const ENTITY_LISTS = new Set(['sites', 'sqlStores', 'fileStores', 'frontEndPools', 'persistentChatPools', 'servers', 'adminConsoles']);

/** What a safe fix must leave as it is, read off the YAML of a text. */
interface Footprint {
  /** Length of every sequence, by path. */
  sequences: Map<string, { length: number; entities: boolean }>;
  /** Every id, FQDN and server name written, sorted. */
  names: string[];
  /** Reference values by path. */
  references: Map<string, string>;
}

function footprint(text: string): Footprint | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length) return undefined;
  const result: Footprint = { sequences: new Map(), names: [], references: new Map() };
  const walk = (node: unknown, path: string, key: string | undefined): void => {
    if (isSeq(node)) {
      result.sequences.set(path, { length: node.items.length, entities: key !== undefined && ENTITY_LISTS.has(key) });
      node.items.forEach((item, i) => {
        if (key === 'servers' && isScalar(item)) result.names.push(String(item.value));
        walk(item, `${path}/${i}`, undefined);
      });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '?';
        const value = pair.value as Node | null;
        if (isScalar(value) && NAME_KEYS.has(name)) result.names.push(String(value.value));
        if (isScalar(value) && REFERENCE_KEYS.has(name)) result.references.set(`${path}/${name}`, String(value.value));
        walk(value, `${path}/${name}`, name);
      }
    }
  };
  walk(doc.contents, '', undefined);
  result.names.sort();
  return result;
}

/**
 * Whether `after` only changed faulty values of `before`: no list shortened, no entity or server added, no id,
 * FQDN or server name changed, no remaining reference pointed elsewhere. A rule's `safe` is its claim; this is
 * the check that `--fix` and fix-all hold every claim to.
 */
export function onlyFaultyValuesChanged(before: string, after: string): boolean {
  const a = footprint(before);
  const b = footprint(after);
  if (!a || !b) return false;
  for (const [path, { length, entities }] of a.sequences) {
    const now = b.sequences.get(path);
    if (!now || now.length < length || (entities && now.length > length)) return false;
  }
  for (const [path, { entities }] of b.sequences) if (entities && !a.sequences.has(path)) return false;
  if (a.names.length !== b.names.length || a.names.some((name, i) => name !== b.names[i])) return false;
  for (const [path, value] of b.references) if (a.references.get(path) !== value) return false;
  return true;
}
