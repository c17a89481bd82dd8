import { ROOTS } from './namespaces';

const BYTE_ORDER_MARK = '\uFEFF';
/** A UTF-16 byte-order mark (FF FE or FE FF) read as UTF-8 (two replacement characters) or as Latin-1. */
export const UTF16_BOM_MISREAD = /^(\uFFFD\uFFFD|\u00FF\u00FE|\u00FE\u00FF)/;
/** How far the sniff looks for the root element: past the XML declaration and a few comments. */
const SNIFF_LENGTH = 8192;

/** Where the XML starts: after a byte-order mark, if any. */
export function bomLength(text: string): number {
  return text.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
}

/** The offset of the first markup that is not white space, the XML declaration, a comment or a processing instruction. */
export function afterProlog(text: string, from: number, limit = text.length): number {
  let at = from;
  while (at < limit) {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      at++;
    } else if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) return limit;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return limit;
      at = end + 3;
    } else {
      return at;
    }
  }
  return at;
}

/** Whether the markup at `at` opens a document type declaration. */
export function isDoctypeAt(text: string, at: number): boolean {
  return text.startsWith('<!DOCTYPE', at);
}

/**
 * Whether the text is a Topology Builder topology, judged from its first element only: `TopologyBuilder` or
 * `Topology` in Topology Builder's namespace, declared on that element (any prefix). Cheap: it looks at the first
 * few kilobytes. NUL characters and a misread UTF-16 byte-order mark are left out, so that UTF-16 read as UTF-8 is
 * still recognised (and the reader then says what is wrong with it).
 */
export function looksLikeTopologyBuilder(text: string): boolean {
  const head = text.slice(0, SNIFF_LENGTH).replace(/\0/g, '').replace(UTF16_BOM_MISREAD, '');
  const start = afterProlog(head, bomLength(head));
  const tag = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>?/.exec(head.slice(start));
  if (!tag) return false;
  const prefix = tag[1] ? tag[1].slice(0, -1) : '';
  const root = ROOTS.find((r) => r.local === tag[2]);
  if (!root) return false;
  const declaration = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag[3]);
  return declaration?.[2] === root.uri;
}
