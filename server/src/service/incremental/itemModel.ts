import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { buildModel } from '../model/buildModel';
import type { Entity, PathSegment, Reference, Topology } from '../model/model';
import type { Span } from '../types';
import type { ItemNodes } from './itemNodes';

/** The sections whose items are the model's entities, in the order buildModel reads them. */
const ENTITY_SECTIONS = ['sites', 'sqlStores', 'fileStores', 'frontEndPools', 'persistentChatPools'] as const;
type EntitySection = (typeof ENTITY_SECTIONS)[number];

/** What buildModel reads from one item of a section: its entity, if it has a readable id, and the references it makes. */
export interface ItemModel {
  /** The section the item was read in, and the pointers the schema faulted inside it (from the item on): what else the reading depends on. */
  section: EntitySection;
  faults: string;
  /** The item's index in its section, which the entity's paths hold. */
  index: number;
  entity?: Entity;
  references: Reference[];
}

const isPlain = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Walks the model's own objects of an item's entity, a tree of plain objects and arrays: moves every span by
 * `by` and gives every path into the section the item's new index. A field's `value` is the author's (or a YAML
 * node), and its `keySpan` may be its `span` itself, moved once.
 */
function placeEntity(model: ItemModel, by: number, index: number): void {
  model.index = index;
  const move = (span: Span) => {
    span.start += by;
    span.end += by;
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    if (!isPlain(value)) return;
    for (const key in value) {
      const child = value[key];
      if (key === 'path') (child as PathSegment[])[1] = index;
      else if (key === 'span') move(child as Span);
      else if (key === 'keySpan') {
        if (child !== value.span) move(child as Span);
      } else if (key !== 'value') walk(child);
    }
  };
  walk(model.entity);
}

/** Moves the model of an item whose text moved by `by` characters. */
export function moveItemModel(model: ItemModel | undefined, by: number): void {
  if (model) placeEntity(model, by, model.index);
}

/** The faulted pointers inside each item of the split sections, by `section/index`, from the item on. */
function faultsByItem(faulted: ReadonlySet<string>, sections: ReadonlySet<string>): Map<string, string[]> {
  const byItem = new Map<string, string[]>();
  for (const pointer of faulted) {
    const match = /^\/([^/]+)\/(\d+)(\/.*)?$/.exec(pointer);
    if (!match || !sections.has(match[1])) continue;
    const key = `${match[1]}/${match[2]}`;
    const list = byItem.get(key);
    if (list) list.push(match[3] ?? '');
    else byItem.set(key, [match[3] ?? '']);
  }
  for (const list of byItem.values()) list.sort();
  return byItem;
}

function mapOf(pairs: Pair[]): YAMLMap {
  const map = new YAMLMap();
  map.items = pairs;
  return map;
}

/**
 * The model of a descriptor put together from its pieces, as buildModel reads the whole: each list item of an
 * entity section read alone (buildModel on a document holding only it, at index 0, its paths then set to its
 * index) and kept while its nodes and faults stay the same; the rest (the top level, lists in flow style, the
 * admin consoles) read by buildModel from a document without those sections.
 */
export function composeModel(doc: Document, text: string, faulted: ReadonlySet<string>, split: Pair<Scalar<string>>[], items: ItemNodes[][]): Topology {
  const entitySections = new Map<string, ItemNodes[]>();
  split.forEach((pair, s) => {
    if ((ENTITY_SECTIONS as readonly string[]).includes(pair.key.value)) entitySections.set(pair.key.value, items[s]);
  });
  const root = doc.contents as YAMLMap;
  const reading = new Document();
  reading.contents = mapOf(root.items.filter((pair) => !(isScalar(pair.key) && entitySections.has(String(pair.key.value)))));
  const frame = buildModel(reading, text, faulted, true);
  const faults = faultsByItem(faulted, new Set(entitySections.keys()));
  const references: Reference[] = [];
  const topology: Topology = { ...frame, references };
  for (const section of ENTITY_SECTIONS) {
    const sectionItems = entitySections.get(section);
    if (!sectionItems) {
      references.push(...frame.references.filter((r) => r.owner.path[0] === section));
      continue;
    }
    // buildModel reads nothing of a section the schema rejected as a whole.
    const entities: Entity[] = [];
    if (!faulted.has(`/${section}`)) {
      sectionItems.forEach((item, index) => {
        const model = itemModel(reading, text, section, item, index, faults.get(`${section}/${index}`) ?? []);
        if (model.entity) entities.push(model.entity);
        references.push(...model.references);
      });
    }
    Object.assign(topology, { [section]: entities });
  }
  return topology;
}

/**
 * The model of one item at `index`, the one it keeps from an earlier reading where its faults are the same;
 * `reading` is a document to read it in.
 */
function itemModel(reading: Document, text: string, section: EntitySection, item: ItemNodes, index: number, faults: string[]): ItemModel {
  const key = faults.join('\n');
  if (item.model?.section !== section || item.model.faults !== key) {
    const list = new YAMLSeq();
    list.items = [item.node as Node];
    reading.contents = mapOf([new Pair(new Scalar(section), list)]);
    const model = buildModel(reading, text, new Set(faults.map((f) => `/${section}/0${f}`)), true);
    item.model = { section, faults: key, index: 0, entity: (model[section] as Entity[])[0], references: model.references };
  }
  if (item.model.index !== index) placeEntity(item.model, 0, index);
  return item.model;
}
