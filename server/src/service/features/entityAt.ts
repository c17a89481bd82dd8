import type { TopologyAnalysis } from '../languageService';
import type { Entity, Field } from '../model/model';
import { locate, type Location, type PathSegment } from '../parse/yamlNodes';

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
  location: Location;
  /** The entity whose map holds the offset. */
  entity?: Entity;
  /** An id or reference value under the offset, and the id it names. */
  id?: { field: Field<string>; isDefinition: boolean };
}

const sameSpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;

export function entityAtPath(analysis: TopologyAnalysis, path: readonly PathSegment[]): Entity | undefined {
  const section = SECTION_KINDS[path[0] as keyof typeof SECTION_KINDS];
  if (!section || typeof path[1] !== 'number') return undefined;
  const entities: Entity[] = [...analysis.index.byId.values()].flat();
  return entities.find((e) => e.kind === section && e.path[1] === path[1]);
}

/** What an offset points at, in the terms of the model. */
export function placeAt(analysis: TopologyAnalysis, offset: number): PlaceAt {
  const location = locate(analysis.parsed.yaml, offset);
  const entity = entityAtPath(analysis, location.path);
  if (location.onKey || !location.node?.range) return { location, entity };
  const span = { start: location.node.range[0], end: location.node.range[1] };
  if (entity && sameSpan(entity.id.span, span)) return { location, entity, id: { field: entity.id, isDefinition: true } };
  const ref = analysis.topology.references.find((r) => sameSpan(r.field.span, span));
  return { location, entity, id: ref && { field: ref.field, isDefinition: false } };
}
