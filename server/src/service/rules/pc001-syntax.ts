import type { Rule } from './rule';

export const unreadableSyntax: Rule = {
  id: 'PC001',
  title: 'The file cannot be read: a syntax error',
  defaultSeverity: 'error',
  sources: [],
  inference:
    "This rule is ours, not Microsoft's: a topology descriptor is one YAML document and a Topology Builder file one XML document of Topology Builder's, and text that is neither cannot be checked.",
  check({ syntaxProblems, report }) {
    for (const problem of syntaxProblems) report({ span: problem.span, message: problem.message });
  },
};
