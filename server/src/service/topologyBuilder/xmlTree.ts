import { SaxesParser } from 'saxes';
import type { SyntaxProblem } from '../parse/parseTopology';
import type { Span } from '../types';

/** A namespace-resolved XML element, with the offsets of what it is made of. */
export interface XmlElement {
  /** The namespace URI its prefix (or the default namespace) resolves to; undefined when in no namespace. */
  readonly uri: string | undefined;
  readonly local: string;
  /** From `<` to the end of the end tag (or of `/>`). */
  readonly span: Span;
  /** The name in the start tag. */
  readonly nameSpan: Span;
  readonly children: readonly XmlElement[];
  /** The text of an element without child elements, trimmed; undefined when there is none. */
  readonly text?: XmlValue;
  /** Read with attributeNamed, attributeValue and attributeValues. */
  readonly attributes: XmlAttributes;
}

/**
 * The attributes of a start tag in the order written, four entries each: the name as written (with any prefix),
 * the value (references replaced), and where the value starts and ends, without its quotes. One array per element,
 * not an object per attribute: a large topology has tens of thousands.
 */
type XmlAttributes = readonly (string | number)[];
const ATTRIBUTE_ENTRIES = 4;

/** An attribute's value or an element's text, and where it stands: the value without its quotes, the text trimmed. */
export interface XmlValue {
  value: string;
  span: Span;
}

export interface XmlTree {
  /** Undefined when the text is not well-formed: then `problems` says why. */
  root?: XmlElement;
  problems: SyntaxProblem[];
}

/** A topology nests about ten levels; far deeper is a broken or hostile file. */
const MAX_DEPTH = 100;
/** After the first few errors, the parser's further complaints are mostly echoes of them. */
const MAX_PROBLEMS = 20;

/** The parser's complaints in an administrator's words; any other is passed on as it is. */
const PLAIN_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unexpected close tag/, () => 'this end tag does not match the element it closes'],
  [/^unclosed tag: (.*)/, (m) => `the element <${m[1]}> is never closed`],
  [/^undefined entity/, () => 'this entity is not defined; Topology Builder writes only the five predefined entities of XML (&lt; &gt; &amp; &quot; &apos;)'],
  [/^text data outside of root node/, () => 'there is text outside the root element'],
  [/^document must contain a root element/, () => 'the file holds no XML element'],
  [/^documents may contain only one root/, () => 'a second root element starts here, and an XML document has one'],
  [/^unbound namespace prefix: "(.*)"/, (m) => `the namespace prefix '${m[1]}' is not declared`],
  [/^duplicate attribute: (.*?)\.?$/, (m) => `the attribute '${m[1]}' appears twice on this element`],
  [/^disallowed character/, () => 'this character is not allowed in XML'],
];

function plainMessage(error: Error): string {
  // The parser quotes the text it met, line breaks and all; a finding is one line.
  const said = error.message.replace(/^[^:]*:?\d+:\d+: /, '').replace(/\.$/, '').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  for (const [pattern, words] of PLAIN_MESSAGES) {
    const match = pattern.exec(said);
    if (match) return `The XML is not well-formed here: ${words(match)}.`;
  }
  return `The XML is not well-formed here: ${said}.`;
}

/** Thrown from the parser's handlers to stop it. */
class StopParsing extends Error {}

/** An element whose end tag is still to come: its span, children and text are filled in there. */
interface OpenElement extends XmlElement {
  span: Span;
  children: readonly XmlElement[];
  text?: XmlValue;
  /** Where the start tag ends, after its `>`. */
  readonly startTagEnd: number;
}

const NO_CHILDREN: readonly XmlElement[] = [];
const NO_ATTRIBUTES: XmlAttributes = [];
/** The span of an element until its end tag. */
const UNCLOSED: Span = { start: 0, end: 0 };
/** Parses `text` (which may start with a byte-order mark) into an element tree, or says why it is not well-formed XML. */
export function parseXmlTree(text: string): XmlTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  // Six handlers at most: the parser keeps each in a property added by computed name, and with a seventh V8 turns
  // the parser into a dictionary object, which makes the parse three times slower. So no 'opentagstart': the start
  // tag is found, and the depth judged, once it is read.
  const problems: SyntaxProblem[] = [];
  const open: OpenElement[] = [];
  // The attributes of the start tag being read (entries past `attributeEntries` are stale).
  const attributes: (string | number)[] = [];
  let attributeEntries = 0;
  // The children of the open elements, one after another, and where each open element's own start: each list is
  // copied out at its end tag, at its exact length. (Entries past `childCount` are stale.)
  const children: XmlElement[] = [];
  let childCount = 0;
  const childrenStart: number[] = [];
  let root: XmlElement | undefined;
  /** The text read so far in the innermost open element, while it has no child element. */
  let leafText = '';
  const stop = (problem: SyntaxProblem): never => {
    problems.push(problem);
    throw new StopParsing();
  };

  parser.on('error', (error) => {
    const at = Math.min(parser.position, text.length);
    problems.push({ message: plainMessage(error), span: { start: Math.max(0, at - 1), end: at } });
    if (problems.length >= MAX_PROBLEMS) throw new StopParsing();
  });
  parser.on('attribute', ({ name, value }) => {
    // The parser stands just past the closing quote; the value holds no quote of its kind.
    const valueEnd = parser.position - 1;
    attributes[attributeEntries++] = name;
    attributes[attributeEntries++] = value;
    attributes[attributeEntries++] = text.lastIndexOf(text[valueEnd], valueEnd - 1) + 1;
    attributes[attributeEntries++] = valueEnd;
  });
  parser.on('opentag', (tag) => {
    // The parser stands just past the start tag, in which only the first character is '<'.
    const tagStart = text.lastIndexOf('<', parser.position - 1);
    if (open.length >= MAX_DEPTH) {
      stop({ message: `The XML nests elements more than ${MAX_DEPTH} levels deep here; a Topology Builder topology nests about ten.`, span: { start: tagStart, end: tagStart + 1 } });
    }
    const nameEnd = tagStart + 1 + tag.name.length;
    const element: OpenElement = {
      uri: tag.uri || undefined,
      local: tag.local,
      span: UNCLOSED,
      nameSpan: { start: tagStart + 1, end: nameEnd },
      children: NO_CHILDREN,
      text: undefined,
      attributes: attributeEntries > 0 ? attributes.slice(0, attributeEntries) : NO_ATTRIBUTES,
      startTagEnd: parser.position,
    };
    attributeEntries = 0;
    if (open.length > 0) children[childCount++] = element;
    else root ??= element;
    open.push(element);
    childrenStart.push(childCount);
    leafText = '';
  });
  const addText = (t: string) => {
    if (open.length > 0 && childCount === childrenStart[childrenStart.length - 1]) leafText += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const element = open.pop();
    if (!element) return;
    const end = parser.position;
    element.span = { start: element.nameSpan.start - 1, end };
    const first = childrenStart.pop()!;
    if (childCount > first) {
      element.children = children.slice(first, childCount);
      childCount = first;
      return;
    }
    if (tag.isSelfClosing) return;
    const value = leafText.trim();
    if (value === '') return;
    const raw = text.slice(element.startTagEnd, text.lastIndexOf('</', end - 1));
    const start = element.startTagEnd + raw.length - raw.trimStart().length;
    element.text = { value, span: { start, end: start + raw.trim().length } };
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  return problems.length > 0 || !root ? { problems: problems.length > 0 ? problems : [{ message: 'The file holds no XML element.', span: { start: 0, end: 0 } }] } : { root, problems: [] };
}

/** The first child element with this local name in a namespace `inNamespace` accepts. */
export function childNamed(element: XmlElement, local: string, inNamespace: (uri: string | undefined) => boolean): XmlElement | undefined {
  for (const c of element.children) if (c.local === local && inNamespace(c.uri)) return c;
  return undefined;
}

/** The child elements with this local name in a namespace `inNamespace` accepts. */
export function childrenNamed(element: XmlElement, local: string, inNamespace: (uri: string | undefined) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of element.children) if (c.local === local && inNamespace(c.uri)) found.push(c);
  return found;
}

/** Where the attribute of this name as written starts among the element's attribute entries; -1 when it has none. */
function attributeIndex(element: XmlElement, name: string): number {
  const { attributes } = element;
  for (let i = 0; i < attributes.length; i += ATTRIBUTE_ENTRIES) if (attributes[i] === name) return i;
  return -1;
}

/** An attribute's value by its name as written (unprefixed, for Topology Builder's own), where its span is not needed. */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  const i = attributeIndex(element, name);
  return i < 0 ? undefined : (element.attributes[i + 1] as string);
}

/** An attribute by its name as written (unprefixed, for Topology Builder's own), with the span of its value. */
export function attributeNamed(element: XmlElement, name: string): XmlValue | undefined {
  const i = attributeIndex(element, name);
  if (i < 0) return undefined;
  const { attributes } = element;
  return { value: attributes[i + 1] as string, span: { start: attributes[i + 2] as number, end: attributes[i + 3] as number } };
}

/** The values of all the element's attributes, in the order written. */
export function attributeValues(element: XmlElement): string[] {
  const values: string[] = [];
  for (let i = 1; i < element.attributes.length; i += ATTRIBUTE_ENTRIES) values.push(element.attributes[i] as string);
  return values;
}
