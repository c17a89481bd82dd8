import type { PathSegment } from '../model/model';

/**
 * Where the cursor stands in a YAML text that may be half typed and not parse: the path is worked out
 * from indentation alone, as an editor must while the author types.
 */
interface LineInfo {
  blank: boolean;
  indent: number;
  dash: boolean;
  /** Column where the content after `- ` (or the line's content) starts. */
  contentCol: number;
  key?: string;
  valueEmpty: boolean;
}

const LINE = /^( *)(- +)?(?:([A-Za-z_][\w.-]*) *:(?: +|$)(.*))?/;

function lineInfo(line: string): LineInfo {
  const text = line.replace(/\r$/, '');
  if (/^\s*(#.*)?$/.test(text)) return { blank: true, indent: 0, dash: false, contentCol: 0, valueEmpty: true };
  const m = LINE.exec(text)!;
  const indent = m[1].length;
  const dash = !!m[2];
  const contentCol = indent + (m[2]?.length ?? 0);
  const value = (m[4] ?? '').replace(/#.*$/, '').trim();
  return { blank: false, indent, dash, contentCol, key: m[3], valueEmpty: value === '' };
}

/** The list whose items' dashes stand at `dashCol`, holding the item on `itemLine`: its path and the item's index. */
function listAt(lines: string[], itemLine: number, dashCol: number): { path: PathSegment[]; index: number } | undefined {
  let index = 0;
  for (let i = itemLine - 1; i >= 0; i--) {
    const info = lineInfo(lines[i]);
    if (info.blank || info.indent > dashCol) continue;
    if (info.dash && info.indent === dashCol) {
      index++;
      continue;
    }
    if (info.key && info.valueEmpty && info.indent <= dashCol) {
      const parent = mapPathAt(lines, i, info.dash ? info.contentCol : info.indent);
      return parent && { path: [...parent, info.key], index };
    }
    return undefined;
  }
  return undefined;
}

/** The path of the map whose keys stand at column `col`, searching up from `fromLine` (inclusive). */
export function mapPathAt(lines: string[], fromLine: number, col: number): PathSegment[] | undefined {
  for (let i = fromLine; i >= 0; i--) {
    const info = lineInfo(lines[i]);
    if (info.blank) continue;
    if (info.dash && info.contentCol === col) {
      const list = listAt(lines, i, info.indent);
      return list && [...list.path, list.index];
    }
    if (info.indent >= col) continue;
    if (info.key && info.valueEmpty) {
      const keyCol = info.dash ? info.contentCol : info.indent;
      const parent = mapPathAt(lines, i, keyCol);
      return parent && [...parent, info.key];
    }
    return undefined;
  }
  return col === 0 ? [] : undefined;
}

/** The keys already written in the map whose keys stand at `col` around `line`. */
export function siblingKeys(lines: string[], line: number, col: number): Set<string> {
  const keys = new Set<string>();
  for (let i = line - 1; i >= 0; i--) {
    const info = lineInfo(lines[i]);
    if (info.blank || (info.indent > col && !info.dash) || (info.dash && info.indent >= col)) continue;
    if (info.dash && info.contentCol === col) {
      if (info.key) keys.add(info.key);
      break;
    }
    if (info.dash || info.indent < col) break;
    if (info.key) keys.add(info.key);
  }
  for (let i = line + 1; i < lines.length; i++) {
    const info = lineInfo(lines[i]);
    if (info.blank) continue;
    if (info.indent < col) break;
    if (!info.dash && info.indent === col && info.key) keys.add(info.key);
  }
  return keys;
}

export type CursorContext =
  | { kind: 'key'; path: PathSegment[]; col: number; partial: string; newItem: boolean }
  | { kind: 'value'; path: PathSegment[]; partial: string }
  | { kind: 'none' };

/** What is being typed at a cursor: a key in a map, or the value of a key (or of a list item). */
export function cursorContext(lines: string[], line: number, character: number): CursorContext {
  const prefix = (lines[line] ?? '').slice(0, character);
  const value = /^( *)(- +)?([A-Za-z_][\w.-]*) *: +(\S*)$/.exec(prefix);
  if (value) {
    const path = value[2] ? listItemPath(lines, line, value[1].length) : mapPathAt(lines, line - 1, value[1].length);
    return path ? { kind: 'value', path: [...path, value[3]], partial: value[4] } : { kind: 'none' };
  }
  const key = /^( *)(- +)?([\w.-]*)$/.exec(prefix);
  if (!key) return { kind: 'none' };
  const dashCol = key[1].length;
  if (key[2]) {
    const item = listItemPath(lines, line, dashCol);
    if (!item) return { kind: 'none' };
    return { kind: 'key', path: item, col: dashCol + key[2].length, partial: key[3], newItem: true };
  }
  const path = mapPathAt(lines, line - 1, dashCol);
  return path ? { kind: 'key', path, col: dashCol, partial: key[3], newItem: false } : { kind: 'none' };
}

function listItemPath(lines: string[], line: number, dashCol: number): PathSegment[] | undefined {
  const list = listAt(lines, line, dashCol);
  return list && [...list.path, list.index];
}
