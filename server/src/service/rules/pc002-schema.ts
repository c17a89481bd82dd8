import { closest, distance } from 'fastest-levenshtein';
import { isMap } from 'yaml';
import { nodeAtPath } from '../parse/yamlNodes';
import type { SchemaProblem } from '../schema/schemaValidation';
import type { Fix, Rule, RuleContext } from './rule';
import { missingKeyPlaceholder } from './placeholders';

/** A known word close enough to what was typed to be a likely typo. */
export function likelyMeant(typed: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(typed.toLowerCase(), candidates.map((c) => c.toLowerCase()));
  const meant = candidates.find((c) => c.toLowerCase() === best)!;
  return distance(typed.toLowerCase(), best) <= Math.max(2, Math.floor(typed.length / 3)) ? meant : undefined;
}

/** The keys written in each map, read once per map however many of its keys are unknown. */
function keysPresent(context: RuleContext, path: SchemaProblem['path'], cache: Map<string, Set<string>>): Set<string> {
  const key = path.join('/');
  let keys = cache.get(key);
  if (!keys) {
    const { node } = nodeAtPath(context.parsed.yaml, path);
    keys = isMap(node) ? new Set(node.items.map((p) => String((p.key as { value?: unknown })?.value))) : new Set<string>();
    cache.set(key, keys);
  }
  return keys;
}

function fixFor(problem: SchemaProblem, context: RuleContext, presentKeys: Map<string, Set<string>>): { hint: string; fix?: Fix } {
  const { edits, parsed } = context;
  if (problem.kind === 'unknownKey') {
    const present = keysPresent(context, problem.path, presentKeys);
    const meant = likelyMeant(problem.key, problem.known.filter((k) => !present.has(k)));
    if (!meant) return { hint: ` Allowed keys here: ${problem.known.join(', ')}.` };
    return { hint: ` Did you mean '${meant}'?`, fix: { title: `Replace '${problem.key}' with '${meant}'`, edits: [edits.replace(problem.span, meant)], preferred: true } };
  }
  if (problem.kind === 'notAllowed') {
    const typed = context.parsed.text.slice(problem.span.start, problem.span.end).replace(/^["']|["']$/g, '');
    const meant = likelyMeant(typed, problem.allowed);
    if (!meant) return { hint: '' };
    return { hint: ` Did you mean '${meant}'?`, fix: { title: `Replace '${typed}' with '${meant}'`, edits: [edits.setScalar(problem.span, meant)], preferred: true } };
  }
  if (problem.kind === 'missingKey') {
    const { node } = nodeAtPath(parsed.yaml, problem.path);
    const value = isMap(node) ? missingKeyPlaceholder(problem.key, problem.path, context) : undefined;
    if (!node || value === undefined) return { hint: '' };
    const shown = typeof value === 'string' ? value : '…';
    return { hint: '', fix: { title: `Add '${problem.key}: ${shown}'`, edits: [edits.insertKey(node, problem.key, value)], preferred: true } };
  }
  return { hint: '' };
}

export const schemaMismatch: Rule = {
  id: 'PC002',
  title: 'The descriptor does not match the topology format',
  defaultSeverity: 'error',
  sources: [],
  inference: "This rule is ours, not Microsoft's: the topology descriptor is pchat-topology's own format, whose keys and values its JSON Schema (schemas/topology.schema.json) defines.",
  check(context) {
    const problems = context.schema.problems;
    const typos = new Set(
      problems.flatMap((p) => (p.kind === 'unknownKey' ? [`${p.path.join('/')}#${likelyMeant(p.key, p.known)}`] : [])),
    );
    const presentKeys = new Map<string, Set<string>>();
    for (const problem of problems) {
      if (problem.kind === 'missingKey' && typos.has(`${problem.path.join('/')}#${problem.key}`)) continue;
      const { hint, fix } = fixFor(problem, context, presentKeys);
      context.report({ span: problem.span, message: problem.message + hint, fixes: fix ? [fix] : [] });
    }
  },
};
