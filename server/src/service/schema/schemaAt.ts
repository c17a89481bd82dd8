import topologySchema from '../../../../schemas/topology.schema.json';
import type { PathSegment } from '../model/model';

/** The part of the JSON Schema this project writes: what hovers and completion read. */
export interface SchemaNode {
  description?: string;
  type?: string;
  enum?: string[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $ref?: string;
}

const root = topologySchema as SchemaNode & { definitions: Record<string, SchemaNode> };

/** Follows `$ref`s, keeping the referring node's own description where it has one. */
function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const target = deref(root.definitions[node.$ref.replace('#/definitions/', '')]);
  return target && { ...target, ...(node.description ? { description: node.description } : {}) };
}

/** The schema of the value at a path, or undefined where the format has no such place. */
export function schemaAt(path: readonly PathSegment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    node = typeof segment === 'number' ? deref(node?.items) : deref(node?.properties?.[segment]);
    if (!node) return undefined;
  }
  return deref(node);
}
