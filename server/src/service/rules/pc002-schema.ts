import { closest, distance } from 'fastest-levenshtein';
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

function fixFor(problem: SchemaProblem, context: RuleContext): { hint: string; fix?: Fix } {
  const { edits, text } = context;
  if (problem.kind === 'unknownKey') {
    const meant = likelyMeant(problem.key, problem.unwritten);
    if (!meant) return { hint: ` Allowed keys here: ${problem.known.join(', ')}.` };
    return { hint: ` Did you mean '${meant}'?`, fix: { title: `Replace '${problem.key}' with '${meant}'`, edits: [edits.replace(problem.span, meant)], preferred: true } };
  }
  if (problem.kind === 'notAllowed') {
    const typed = text.slice(problem.span.start, problem.span.end).replace(/^["']|["']$/g, '');
    const meant = likelyMeant(typed, problem.allowed);
    if (!meant) return { hint: '' };
    return { hint: ` Did you mean '${meant}'?`, fix: { title: `Replace '${typed}' with '${meant}'`, edits: [edits.setScalar(problem.span, meant)], preferred: true } };
  }
  if (problem.kind === 'missingKey') {
    const value = missingKeyPlaceholder(problem.key, problem.path, context);
    if (value === undefined) return { hint: '' };
    const shown = typeof value === 'string' ? value : '…';
    return { hint: '', fix: { title: `Add '${problem.key}: ${shown}'`, edits: [edits.insertKey(problem.path, problem.key, value)], preferred: true } };
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
    for (const problem of problems) {
      if (problem.kind === 'missingKey' && typos.has(`${problem.path.join('/')}#${problem.key}`)) continue;
      const { hint, fix } = fixFor(problem, context);
      context.report({ span: problem.span, message: problem.message + hint, fixes: fix ? [fix] : [] });
    }
  },
};
