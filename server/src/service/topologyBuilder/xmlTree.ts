import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SyntaxProblem } from '../parse/parseTopology';
import type { Span } from '../types';

/** A namespace-resolved XML element, with the offsets of what it is made of. */
export interface XmlElement {
  /** The namespace URI its prefix (or the default namespace) resolves to; undefined when in no namespace. */
  uri: string | undefined;
  local: string;
  attributes: XmlAttribute[];
  /** From `<` to the end of the end tag (or of `/>`). */
  span: Span;
  /** The name in the start tag. */
  nameSpan: Span;
  children: XmlElement[];
  /** The text of an element without child elements, trimmed; undefined when there is none. */
  text?: XmlText;
}

export interface XmlAttribute {
  /** As written, with any prefix. */
  name: string;
  nameSpan: Span;
  /** With character and entity references replaced. */
  value: string;
  /** The value without its quotes. */
  valueSpan: Span;
}

export interface XmlText {
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
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

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

interface OpenElement {
  element: XmlElement;
  contentStart: number;
  text: string[];
}

/** The attributes of the start tag at [start, end), with the values the parser decoded. */
function attributesOf(text: string, start: number, end: number, tag: SaxesTagNS): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  const from = start + 1 + tag.name.length;
  ATTRIBUTE.lastIndex = 0;
  const tagText = text.slice(from, end);
  for (let m = ATTRIBUTE.exec(tagText); m; m = ATTRIBUTE.exec(tagText)) {
    const nameStart = from + m.index;
    const raw = m[2] ?? m[3];
    const valueStart = from + m.index + m[0].length - raw.length - 1;
    attributes.push({
      name: m[1],
      nameSpan: { start: nameStart, end: nameStart + m[1].length },
      value: tag.attributes[m[1]]?.value ?? raw,
      valueSpan: { start: valueStart, end: valueStart + raw.length },
    });
  }
  return attributes;
}

/** Parses `text` (which may start with a byte-order mark) into an element tree, or says why it is not well-formed XML. */
export function parseXmlTree(text: string): XmlTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const problems: SyntaxProblem[] = [];
  const open: OpenElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  const stop = (problem: SyntaxProblem): never => {
    problems.push(problem);
    throw new StopParsing();
  };

  parser.on('error', (error) => {
    const at = Math.min(parser.position, text.length);
    problems.push({ message: plainMessage(error), span: { start: Math.max(0, at - 1), end: at } });
    if (problems.length >= MAX_PROBLEMS) throw new StopParsing();
  });
  parser.on('opentagstart', (tag) => {
    tagStart = text.lastIndexOf(`<${tag.name}`, parser.position);
    if (open.length >= MAX_DEPTH) {
      stop({ message: `The XML nests elements more than ${MAX_DEPTH} levels deep here; a Topology Builder topology nests about ten.`, span: { start: tagStart, end: tagStart + 1 } });
    }
  });
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const element: XmlElement = {
      uri: tag.uri || undefined,
      local: tag.local,
      attributes: attributesOf(text, tagStart, end, tag),
      span: { start: tagStart, end },
      nameSpan: { start: tagStart + 1, end: tagStart + 1 + tag.name.length },
      children: [],
    };
    const parent = open[open.length - 1];
    if (parent) parent.element.children.push(element);
    else root ??= element;
    open.push({ element, contentStart: end, text: [] });
  });
  const addText = (t: string) => open[open.length - 1]?.text.push(t);
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const closing = open.pop();
    if (!closing) return;
    const end = parser.position;
    const { element } = closing;
    element.span = { start: element.span.start, end };
    if (tag.isSelfClosing || element.children.length > 0) return;
    const value = closing.text.join('').trim();
    if (value === '') return;
    const raw = text.slice(closing.contentStart, text.lastIndexOf('</', end - 1));
    const start = closing.contentStart + raw.length - raw.trimStart().length;
    element.text = { value, span: { start, end: start + raw.trim().length } };
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  return problems.length > 0 || !root ? { problems: problems.length > 0 ? problems : [{ message: 'The file holds no XML element.', span: { start: 0, end: 0 } }] } : { root, problems: [] };
}

/** The children of `element` with this local name in a namespace `inNamespace` accepts. */
export function childrenNamed(element: XmlElement, local: string, inNamespace: (uri: string | undefined) => boolean): XmlElement[] {
  return element.children.filter((c) => c.local === local && inNamespace(c.uri));
}

/** An unprefixed attribute by name. */
export function attributeNamed(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}
