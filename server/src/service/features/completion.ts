import type { TopologyAnalysis } from '../languageService';
import type { ParsedTopology } from '../parse/parseTopology';
import { buildModel } from '../model/buildModel';
import type { EntityKind, PathSegment, Topology } from '../model/model';
import { WINDOWS_TIME_ZONES } from '../model/timeZones';
import { TopologyIndex } from '../model/topologyIndex';
import { KIND_NOUNS } from '../rules/wording';
import { schemaAt, type SchemaNode } from '../schema/schemaAt';
import type { Position } from '../types';
import { REFERENCE_KINDS, SECTION_KINDS } from './entityAt';
import { cursorContext, siblingKeys } from './yamlContext';

export type CompletionKind = 'key' | 'value' | 'reference' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Plain text, or a snippet with ${1:placeholders} when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
}

const FQDN_KEYS = new Set(['fqdn', 'globalCatalog']);

/** The model to complete from: the analysis's own, or one read from the half-typed YAML the parser recovered. */
function modelFor(analysis: TopologyAnalysis, parsed: ParsedTopology): { topology: Topology; index: TopologyIndex } {
  if (parsed.syntaxProblems.length === 0) return analysis;
  const topology = buildModel(parsed.yaml, parsed.text, new Set(), true);
  return { topology, index: new TopologyIndex(topology) };
}

function keyEntry(key: string, schema: SchemaNode | undefined): CompletionEntry {
  const block = schema?.type === 'array' ? `${key}:\n  - ` : schema?.type === 'object' || schema?.properties ? `${key}:\n  ` : `${key}: `;
  return { label: key, kind: 'key', detail: schema?.enum ? schema.enum.join(' | ') : schema?.type, documentation: schema?.description, insertText: block, isSnippet: false };
}

function snippets(section: string | undefined, path: PathSegment[], model: { topology: Topology; index: TopologyIndex }, domain: string): CompletionEntry[] {
  const { topology, index } = model;
  const first = (list: { id: { value: string } }[], fallback: string) => list[0]?.id.value ?? fallback;
  const site = first(topology.sites, 'site1');
  const snippet = (label: string, lines: string[]): CompletionEntry => ({ label, kind: 'snippet', detail: 'snippet', insertText: lines.join('\n'), isSnippet: true });
  if (section === 'persistentChatPools' && path.length === 2) {
    const id = index.unusedId('pchat');
    const [server] = index.unusedFqdns('pchat', domain, 1);
    return [
      snippet('New Persistent Chat pool', [
        `id: \${1:${id}}`,
        `fqdn: \${2:${id}.${domain}}`,
        `site: \${3:${site}}`,
        'deployment: multiple-server',
        `nextHop: \${4:${first(topology.frontEndPools, 'fe')}}`,
        'servers:',
        `  - fqdn: \${5:${server}}`,
        'database:',
        `  store: \${6:${first(topology.sqlStores, 'sql')}}`,
        'compliance:',
        '  enabled: ${7|false,true|}',
      ]),
    ];
  }
  if (section === 'persistentChatPools' && path[2] === 'servers' && path.length === 4) {
    return [snippet('New Persistent Chat server', [`fqdn: \${1:${index.unusedFqdns('pchat', domain, 1)[0]}}`, 'state: ${2|active,standby|}'])];
  }
  if (section === 'frontEndPools' && path.length === 2) {
    const id = index.unusedId('fe');
    return [
      snippet('New Enterprise Edition Front End pool', [
        `id: \${1:${id}}`,
        'edition: enterprise',
        `fqdn: \${2:${id}.${domain}}`,
        `site: \${3:${site}}`,
        'servers:',
        `  - \${4:${index.unusedFqdns('fe', domain, 1)[0]}}`,
        `backEnd: \${5:${first(topology.sqlStores, 'sql')}}`,
      ]),
    ];
  }
  if (section === 'sqlStores' && path.length === 2) {
    const id = index.unusedId('sql');
    return [snippet('New SQL store', [`id: \${1:${id}}`, `fqdn: \${2:${index.unusedFqdns('sql', domain, 1)[0]}}`, 'instance: ${3:PCHAT}', 'edition: ${4|enterprise,standard,express|}', `site: \${5:${site}}`])];
  }
  return [];
}

function valueEntries(path: PathSegment[], model: { topology: Topology; index: TopologyIndex }): CompletionEntry[] {
  const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  const schema = schemaAt(path);
  const value = (label: string, detail?: string, documentation?: string): CompletionEntry => ({ label, kind: 'value', detail, documentation, insertText: label, isSnippet: false });
  if (schema?.enum) return schema.enum.map((v) => value(v, key, schema.description));
  if (schema?.type === 'boolean') return ['true', 'false'].map((v) => value(v, key));
  const kind: EntityKind | undefined = REFERENCE_KINDS[key as keyof typeof REFERENCE_KINDS];
  if (kind && typeof path[path.length - 1] === 'string') {
    const entities = [...model.index.byId.values()].map((list) => list[0]).filter((e) => e.kind === kind);
    return entities.map((e) => ({ label: e.id.value, kind: 'reference', detail: [KIND_NOUNS[e.kind], 'fqdn' in e ? e.fqdn?.value : undefined].filter(Boolean).join(' · '), insertText: e.id.value, isSnippet: false }));
  }
  if (FQDN_KEYS.has(key) || (key === 'servers' && path[0] === 'frontEndPools')) {
    return [...model.index.fqdns].sort().map((fqdn) => value(fqdn, 'FQDN used in this file'));
  }
  if (key === 'dataCenter') {
    const centers = new Set([...model.topology.sqlStores.map((s) => s.dataCenter?.value), ...model.topology.persistentChatPools.flatMap((p) => p.servers.map((s) => s.dataCenter?.value))]);
    return [...centers].filter((c): c is string => !!c).map((c) => value(c, 'data center'));
  }
  if (key === 'timeZone') return WINDOWS_TIME_ZONES.map((zone) => value(zone.name, `Windows time zone · ${zone.iana}`));
  if (schema?.default !== undefined) return [value(String(schema.default), 'default')];
  return [];
}

/** Keys, values, ids, FQDNs and snippets that fit at the cursor; none in a Topology Builder file, which is not edited here. */
export function complete(analysis: TopologyAnalysis, position: Position): CompletionEntry[] {
  if (analysis.source.syntax !== 'yaml') return [];
  const { parsed } = analysis.source;
  const lines = parsed.text.split('\n');
  if (position.line >= lines.length) return [];
  const context = cursorContext(lines, position.line, position.character);
  if (context.kind === 'none') return [];
  const model = modelFor(analysis, parsed);
  if (context.kind === 'value') return valueEntries(context.path, model);
  const schema = schemaAt(context.path);
  if (context.newItem && schema?.type === 'string') return valueEntries(context.path, model);
  if (!schema?.properties) return [];
  const present = context.newItem ? new Set<string>() : siblingKeys(lines, position.line, context.col);
  const keys = Object.entries(schema.properties)
    .filter(([key]) => !present.has(key))
    .map(([key]) => keyEntry(key, schemaAt([...context.path, key])));
  const section = SECTION_KINDS[context.path[0] as keyof typeof SECTION_KINDS] ? String(context.path[0]) : undefined;
  const domain = model.topology.domain?.value ?? 'corp.example.com';
  return [...keys, ...(context.newItem ? snippets(section, context.path, model, domain) : [])];
}
