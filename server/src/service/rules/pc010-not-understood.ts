import type { Rule } from './rule';

export const notUnderstood: Rule = {
  id: 'PC010',
  title: 'Part of a Topology Builder file was not understood and was checked without',
  defaultSeverity: 'information',
  sources: [],
  inference:
    "This rule is ours, not Microsoft's: pchat-topology reads the parts of Topology Builder's files that Persistent Chat needs, and says where it met one it could not place rather than drop it silently.",
  check({ notUnderstood, report }) {
    for (const problem of notUnderstood) report({ span: problem.span, message: problem.message });
  },
};
