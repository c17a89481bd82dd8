import { isMap, type Node } from 'yaml';
import type { TopologyAnalysis } from '../languageService';
import { pairOf, resolveNode, spanOf } from '../parse/yamlNodes';
import type { Entity } from '../model/model';
import type { Range, Span } from '../types';
import { KIND_NOUNS } from '../rules/wording';

export type SymbolKind = 'section' | 'site' | 'sqlStore' | 'fileStore' | 'frontEndPool' | 'persistentChatPool' | 'server';

export interface TopologySymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: TopologySymbol[];
}

const SECTIONS = [
  ['sites', 'Sites'],
  ['sqlStores', 'SQL stores'],
  ['fileStores', 'File stores'],
  ['frontEndPools', 'Front End pools'],
  ['persistentChatPools', 'Persistent Chat pools'],
] as const;

/** Spans that hold both; an editor wants each symbol's name inside its range. */
const cover = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });

/** Where a section stands: its key in the YAML; in another syntax, from its first entity to its last. */
function sectionSpans(analysis: TopologyAnalysis, key: string, entities: Entity[]): { range: Span; selection: Span } | undefined {
  if (entities.length === 0) return undefined;
  const { source } = analysis;
  if (source.syntax !== 'yaml') {
    const range = entities.map((e) => cover(e.span, e.id.span)).reduce(cover);
    return { range, selection: { start: range.start, end: range.start } };
  }
  const { parsed } = source;
  const root = resolveNode(parsed.yaml, parsed.yaml.contents);
  const pair = isMap(root) ? pairOf(root, key) : undefined;
  if (!pair) return undefined;
  const selection = spanOf(pair.key as Node, parsed.text);
  return { range: { start: selection.start, end: spanOf(pair.value as Node, parsed.text).end }, selection };
}

/** The outline: sections, their entities, and each pool's servers. */
export function documentSymbols(analysis: TopologyAnalysis): TopologySymbol[] {
  const { document, topology } = analysis;
  const range = (span: Span): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const server = (name: string, detail: string, span: Span, selection: Span): TopologySymbol => ({ name, detail, kind: 'server', range: range(span), selectionRange: range(selection), children: [] });
  const entitySymbol = (entity: Entity): TopologySymbol => {
    const children =
      entity.kind === 'persistentChatPool'
        ? entity.servers.flatMap((s) => (s.fqdn ? [server(s.fqdn.value, s.state?.value ?? 'active', s.span, s.fqdn.span)] : []))
        : entity.kind === 'frontEndPool'
          ? entity.servers.map((s) => server(s.value, 'Front End server', s.span, s.span))
          : [];
    const fqdn = 'fqdn' in entity ? entity.fqdn?.value : undefined;
    return { name: entity.id.value, detail: [KIND_NOUNS[entity.kind], fqdn].filter(Boolean).join(' · '), kind: entity.kind, range: range(cover(entity.span, entity.id.span)), selectionRange: range(entity.id.span), children };
  };
  const symbols: TopologySymbol[] = [];
  for (const [key, title] of SECTIONS) {
    const entities = topology[key] as Entity[];
    const spans = sectionSpans(analysis, key, entities);
    if (!spans) continue;
    symbols.push({ name: title, detail: `${entities.length}`, kind: 'section', range: range(spans.range), selectionRange: range(spans.selection), children: entities.map(entitySymbol) });
  }
  return symbols;
}
