import type { TopologyAnalysis } from '../languageService';
import type { Entity, Field, PathSegment } from '../model/model';
import { locate, type Location } from '../parse/yamlNodes';
import type { TopologyBuilderElement, TopologyBuilderReading } from '../topologyBuilder/readTopologyBuilder';
import type { Span } from '../types';

/** Reference keys and the kind of entity each names. */
export const REFERENCE_KINDS = {
  site: 'site',
  backEnd: 'sqlStore',
  fileStore: 'fileStore',
  nextHop: 'frontEndPool',
  store: 'sqlStore',
  mirror: 'sqlStore',
  backup: 'sqlStore',
  backupMirror: 'sqlStore',
} as const;

export const SECTION_KINDS = {
  sites: 'site',
  sqlStores: 'sqlStore',
  fileStores: 'fileStore',
  frontEndPools: 'frontEndPool',
  persistentChatPools: 'persistentChatPool',
} as const;

export interface PlaceAt {
  /** Where the offset stands in the YAML; none in another syntax. */
  location?: Location;
  /** The entity whose map holds the offset. */
  entity?: Entity;
  /** An id or reference value under the offset, and the id it names. */
  id?: { field: Field<string>; isDefinition: boolean };
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

export function entityAtPath(analysis: TopologyAnalysis, path: readonly PathSegment[]): Entity | undefined {
  const section = SECTION_KINDS[path[0] as keyof typeof SECTION_KINDS];
  if (!section || typeof path[1] !== 'number') return undefined;
  const entities: Entity[] = [...analysis.index.byId.values()].flat();
  return entities.find((e) => e.kind === section && e.path[1] === path[1]);
}

/** The id or reference whose value is exactly `span`, or (where `span` is a point) holds it. */
function idAtSpan(analysis: TopologyAnalysis, entity: Entity | undefined, matches: (field: Span) => boolean): PlaceAt['id'] {
  if (entity && matches(entity.id.span)) return { field: entity.id, isDefinition: true };
  const ref = analysis.topology.references.find((r) => matches(r.field.span));
  return ref && { field: ref.field, isDefinition: false };
}

/** The innermost Topology Builder element that holds the offset. */
export function elementAt(reading: TopologyBuilderReading, offset: number): TopologyBuilderElement | undefined {
  return reading.elements.filter((e) => e.span.start <= offset && offset <= e.span.end).sort((a, b) => b.span.start - a.span.start || a.span.end - b.span.end)[0];
}

/** What an offset points at, in the terms of the model. */
export function placeAt(analysis: TopologyAnalysis, offset: number): PlaceAt {
  const { source } = analysis;
  if (source.syntax === 'topologyBuilder') {
    const entity = elementAt(source.reading, offset)?.entities[0];
    return { entity, id: idAtSpan(analysis, entity, (s) => s.start <= offset && offset <= s.end) };
  }
  const location = locate(source.parsed.yaml, offset);
  const entity = entityAtPath(analysis, location.path);
  if (location.onKey || !location.node?.range) return { location, entity };
  const span = { start: location.node.range[0], end: location.node.range[1] };
  return { location, entity, id: idAtSpan(analysis, entity, (s) => sameSpan(s, span)) };
}
