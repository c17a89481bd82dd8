/** The comparison of an incremental analysis with a full one, shared by the incremental tests. */
import assert from 'node:assert/strict';
import { isMap, isScalar, isSeq } from 'yaml';
import { complete } from '../../server/src/service/features/completion';
import { diagramModel } from '../../server/src/service/features/diagramModel';
import { foldingRanges } from '../../server/src/service/features/folding';
import { hover } from '../../server/src/service/features/hover';
import { definition } from '../../server/src/service/features/navigation';
import { documentSymbols } from '../../server/src/service/features/symbols';
import type { TopologyAnalysis } from '../../server/src/service/languageService';
import type { Topology } from '../../server/src/service/model/model';

/** What matters of a YAML node to the features: class, ranges, value and style, not its comments. */
export function nodeShape(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const n = node as { constructor: { name: string }; range?: unknown; tag?: string; anchor?: string; flow?: boolean; type?: string };
  const shape: Record<string, unknown> = { class: n.constructor.name, range: n.range, tag: n.tag, anchor: n.anchor, flow: n.flow, type: n.type };
  if (isScalar(node)) shape.value = node.value;
  if (isMap(node)) shape.items = node.items.map((pair) => ({ key: nodeShape(pair.key), value: nodeShape(pair.value) }));
  if (isSeq(node)) shape.items = node.items.map(nodeShape);
  return shape;
}

/** The model as plain data: sets sorted, a reference's owner by kind, id and path, YAML nodes as their values. */
const modelShape = (topology: Topology): unknown =>
  JSON.parse(
    JSON.stringify(topology, (key, value) => {
      if (value instanceof Set) return [...value].sort();
      if (key === 'owner') return { kind: value.kind, id: value.id.value, path: value.path };
      return value;
    }),
  );

export function yamlOf(analysis: TopologyAnalysis) {
  assert.equal(analysis.source.syntax, 'yaml');
  return analysis.source.syntax === 'yaml' ? analysis.source.parsed : undefined!;
}

/** Equal as the client would see them, over JSON; where not, deepEqual says how. */
function same(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) assert.deepEqual(actual, expected, what);
}

export function assertEquivalent(incremental: TopologyAnalysis, full: TopologyAnalysis, at: number[]): void {
  same(incremental.findings, full.findings, 'findings');
  const [a, b] = [yamlOf(incremental), yamlOf(full)];
  same(nodeShape(a.yaml.contents), nodeShape(b.yaml.contents), 'YAML nodes');
  same(a.yaml.range, b.yaml.range, 'YAML document range');
  same(a.data, b.data, 'data');
  same(a.syntaxProblems, b.syntaxProblems, 'syntax problems');
  same(modelShape(incremental.topology), modelShape(full.topology), 'model');
  same(documentSymbols(incremental), documentSymbols(full), 'outline');
  same(foldingRanges(incremental), foldingRanges(full), 'folding');
  same(diagramModel(incremental), diagramModel(full), 'diagram model');
  for (const offset of at) {
    const position = full.document.positionAt(offset);
    same(hover(incremental, position, (id) => id), hover(full, position, (id) => id), `hover at ${position.line}:${position.character}`);
    same(definition(incremental, position), definition(full, position), `definition at ${position.line}:${position.character}`);
  }
  const position = full.document.positionAt(at[0]);
  same(complete(incremental, position), complete(full, position), `completion at ${position.line}:${position.character}`);
}

