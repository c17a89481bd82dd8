import type { Span } from '../types';

/**
 * A descriptor cut into pieces that YAML reads each on its own: the items of its top-level block lists
 * (`sqlStores:` then `  - id: …` lines), and the frame, everything else (top-level keys, the lists' header
 * lines, comments between them). Cuts fall only at the start of a line.
 */
export interface DescriptorLayout {
  sections: SectionLayout[];
  /** The text outside every section's items, in order: what is left of the descriptor without them. */
  frame: Span[];
}

/** A top-level key with an empty value, followed by a block list. */
export interface SectionLayout {
  /** Where the key's line starts. */
  header: number;
  /**
   * The items: each from the line of its `-` to the next item's `-` (the whole reads the indentation before it
   * as the end of the item before), the last to the next line at column 0.
   */
  items: Span[];
}

interface Line {
  start: number;
  /** Past the line break, or the end of the text. */
  next: number;
  /** Spaces before the content; -1 for a blank or comment line. */
  indent: number;
  /** Whether the content is a block list item's `-`. */
  dash: boolean;
  /** Whether a tab stands in the indentation, where YAML's rules and ours could part. */
  tab: boolean;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;

function lineAt(text: string, start: number): Line {
  const lf = text.indexOf('\n', start);
  const next = lf < 0 ? text.length : lf + 1;
  let i = start;
  while (text.charCodeAt(i) === SPACE) i++;
  const c = text.charCodeAt(i);
  const tab = c === TAB;
  if (i >= next || c === LF || c === CR || c === HASH || Number.isNaN(c)) return { start, next, indent: -1, dash: false, tab: false };
  const after = text.charCodeAt(i + 1);
  const dash = c === DASH && (after === SPACE || after === LF || after === CR || Number.isNaN(after));
  return { start, next, indent: i - start, dash, tab };
}

/** A top-level key with nothing after its colon but a comment: a section's header when a block list follows. */
const HEADER = /^[A-Za-z_][\w.-]*[ ]*:[ ]*(?:#.*)?\r?$/;

function isHeader(text: string, line: Line): boolean {
  return line.indent === 0 && !line.dash && HEADER.test(text.slice(line.start, line.next).replace(/\n$/, ''));
}

/**
 * The items of a block list whose `-` stand at column `indent`, from `start` (the first item's line) to where
 * a line at column 0 ends the list. Undefined where a line would leave the item shape: content less indented
 * than the items but not at column 0, or a tab in the indentation.
 */
function listItems(text: string, start: number, indent: number): { items: Span[]; end: number } | undefined {
  const starts = [start];
  let at = lineAt(text, start).next;
  while (at < text.length) {
    const line = lineAt(text, at);
    if (line.tab) return undefined;
    if (line.indent > indent || line.indent < 0) {
      at = line.next;
      continue;
    }
    if (line.dash && line.indent === indent) {
      starts.push(at);
      at = line.next;
      continue;
    }
    if (line.indent === 0) break;
    return undefined;
  }
  const items = starts.map((s, i) => ({ start: s, end: i + 1 < starts.length ? starts[i + 1] + indent : at }));
  return { items, end: at };
}

/** The layout of a descriptor's text, or undefined where a section's lines leave the shape the cuts rely on. */
export function layoutOf(text: string): DescriptorLayout | undefined {
  const sections: SectionLayout[] = [];
  const frame: Span[] = [];
  let frameStart = 0;
  let at = 0;
  while (at < text.length) {
    const line = lineAt(text, at);
    at = line.next;
    if (!isHeader(text, line)) continue;
    let first = lineAt(text, at);
    while (first.indent < 0 && first.next < text.length) first = lineAt(text, first.next);
    if (!first.dash) continue;
    const list = listItems(text, first.start, first.indent);
    if (!list) return undefined;
    frame.push({ start: frameStart, end: first.start });
    sections.push({ header: line.start, items: list.items });
    frameStart = at = list.end;
  }
  frame.push({ start: frameStart, end: text.length });
  return { sections, frame };
}
