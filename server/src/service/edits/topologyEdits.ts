import type { PathSegment } from '../model/model';
import type { Span } from '../types';

/** A change to the text by offsets; the service turns it into a TextEdit. */
export interface OffsetEdit {
  span: Span;
  newText: string;
}

export type ItemValue = string | Record<string, string>;

/**
 * The changes a rule's fix can ask for, addressed by spans and by paths into the descriptor's structure. Each
 * syntax makes them in its own text; undefined is an edit the text does not allow, and a fix with one is not
 * offered.
 */
export interface TopologyEdits {
  replace(span: Span, newText: string): OffsetEdit | undefined;
  setScalar(span: Span, value: string | number | boolean): OffsetEdit | undefined;
  /** Adds `key: value` to the map at `path`. */
  insertKey(path: readonly PathSegment[], key: string, value: string | ItemValue[]): OffsetEdit | undefined;
  /** Removes keys and their values from the map at `path`. */
  removeKeys(path: readonly PathSegment[], keys: readonly string[]): (OffsetEdit | undefined)[];
  /** Removes the items at these spans from the list at `path`. */
  removeItems(path: readonly PathSegment[], items: readonly Span[]): (OffsetEdit | undefined)[];
  /** Adds an item to the list at `path`, writing the list under its key where there is none yet. */
  appendItem(path: readonly PathSegment[], item: ItemValue): OffsetEdit | undefined;
}

/** The edits of a text the tool must not change (Topology Builder owns its files): none. */
export const NO_EDITS: TopologyEdits = {
  replace: () => undefined,
  setScalar: () => undefined,
  insertKey: () => undefined,
  removeKeys: () => [undefined],
  removeItems: () => [undefined],
  appendItem: () => undefined,
};
