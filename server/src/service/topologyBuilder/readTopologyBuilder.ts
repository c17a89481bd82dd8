import type { Field, Topology } from '../model/model';
import type { SyntaxProblem } from '../parse/parseTopology';
import type { Span } from '../types';
import { isTopologyBuilderNamespace, ROOTS, TOPOLOGY_BUILDER_NAMESPACE, TOPOLOGY_NAMESPACE } from './namespaces';
import { afterProlog, bomLength, isDoctypeAt, UTF16_BOM_MISREAD } from './prolog';
import { readTopologyBuilderDocument } from './topologyBuilderDocument';
import { buildTopologyBuilderModel, type TopologyBuilderElement } from './topologyBuilderModel';
import { parseXmlTree, type XmlElement } from './xmlTree';

export type { TopologyBuilderElement } from './topologyBuilderModel';

export interface TopologyBuilderReading {
  /** Not well-formed XML (one per parser error, at the parser's position), or a well-formed file that is not a Topology Builder topology (one problem): PC001's. */
  syntaxProblems: SyntaxProblem[];
  /** Persistent Chat constructs not understood, one per element, message ending "…not understood; checked without it.": reported as information. */
  notUnderstood: SyntaxProblem[];
  /** The model; empty sections when syntaxProblems is not empty. */
  topology: Topology;
  /** The XML elements an editor points at (site, cluster, machine, sqlInstance, service), innermost last, each with the entity it became (and the Persistent Chat server, for a machine of a Persistent Chat pool). */
  elements: TopologyBuilderElement[];
}

const START: Span = { start: 0, end: 0 };
/** How much of the start of the file shows whether it is UTF-16 read as something else. */
const ENCODING_SAMPLE = 1024;

function emptyTopology(name: Field<string>): Topology {
  return { name, sites: [], sqlStores: [], fileStores: [], frontEndPools: [], persistentChatPools: [], adminConsoles: [], references: [], faulted: new Set(), withheld: [] };
}

/** NUL characters, which XML never allows: UTF-16 decoded as UTF-8 (one in every two characters), or a binary file. */
function encodingProblem(text: string): SyntaxProblem | undefined {
  const first = text.indexOf('\0');
  if (first < 0) return undefined;
  const sample = text.slice(0, ENCODING_SAMPLE);
  const nuls = sample.length - sample.replace(/\0/g, '').length;
  if (nuls * 4 >= sample.length) {
    const save = 'Save it as UTF-8, or as UTF-16 with a byte-order mark, for example with `Get-CsTopology -AsXml | Out-File topology.xml -Encoding utf8`.';
    const message = UTF16_BOM_MISREAD.test(text)
      ? 'This file is UTF-16 text (it starts with a UTF-16 byte-order mark) but was read as UTF-8, so every other character reads as NUL.'
      : `This file looks like UTF-16 text without a byte-order mark: every other character reads as NUL. ${save}`;
    return { message, span: { start: 0, end: Math.min(1, text.length) } };
  }
  return { message: 'The file contains a NUL character (U+0000), which XML does not allow anywhere: is it a binary file?', span: { start: first, end: first + 1 } };
}

function describeElement(element: XmlElement): string {
  return `<${element.local}> ${element.uri ? `in the namespace '${element.uri}'` : 'in no namespace'}`;
}

/** The element that holds the topology (NewTopology's PartialTopology, or the published Topology), or why there is none. */
function topologyElement(root: XmlElement): { element: XmlElement } | { problem: SyntaxProblem } {
  const form = ROOTS.find((r) => r.local === root.local && r.uri === root.uri)?.form;
  if (!form) {
    return {
      problem: {
        message: `This is not a Topology Builder topology: its root element is ${describeElement(root)}, where a topology saved by Topology Builder has <TopologyBuilder> in '${TOPOLOGY_BUILDER_NAMESPACE}' and one from Get-CsTopology -AsXml has <Topology> in '${TOPOLOGY_NAMESPACE}'.`,
        span: root.nameSpan,
      },
    };
  }
  if (form === 'published') return { element: root };
  const newTopology = root.children.find((c) => c.local === 'NewTopology' && isTopologyBuilderNamespace(c.uri));
  if (!newTopology) {
    return { problem: { message: 'This Topology Builder file has no <NewTopology> element, so it holds no topology to check.', span: root.nameSpan } };
  }
  return { element: newTopology.children.find((c) => c.local === 'PartialTopology' && isTopologyBuilderNamespace(c.uri)) ?? newTopology };
}

/**
 * Reads Topology Builder's XML, saved (`.tbxml`) or published (`Get-CsTopology -AsXml`), into the model the rules
 * judge. `name` (the file name without its extension) becomes the topology's name. Never throws: bad input is a
 * syntax problem.
 */
export function readTopologyBuilder(text: string, name: string): TopologyBuilderReading {
  const nameField: Field<string> = { value: name, span: START, keySpan: START };
  const unreadable = (problems: SyntaxProblem[]): TopologyBuilderReading => ({ syntaxProblems: problems, notUnderstood: [], topology: emptyTopology(nameField), elements: [] });
  const start = bomLength(text);
  const prologEnd = afterProlog(text, start);
  if (isDoctypeAt(text, prologEnd)) {
    return unreadable([
      encodingProblem(text) ?? {
        message: 'This file declares a document type (<!DOCTYPE …>), which Topology Builder never writes, so it is not read: its entities are not expanded.',
        span: { start: prologEnd, end: prologEnd + '<!DOCTYPE'.length },
      },
    ]);
  }
  const tree = parseXmlTree(text);
  // The parser rejects a NUL anywhere, so only a text it rejects can hold one; then the encoding is what is wrong.
  if (!tree.root) {
    const encoding = encodingProblem(text);
    return unreadable(encoding ? [encoding] : tree.problems);
  }
  const found = topologyElement(tree.root);
  if ('problem' in found) return unreadable([found.problem]);
  const model = buildTopologyBuilderModel(readTopologyBuilderDocument(found.element), nameField);
  return { syntaxProblems: [], ...model };
}
