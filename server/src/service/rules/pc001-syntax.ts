import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'PC001',
  title: 'YAML syntax error',
  defaultSeverity: 'error',
  sources: [],
  inference: "This rule is ours, not Microsoft's: a topology descriptor is one YAML document, and text that is not valid YAML cannot be checked.",
  check({ parsed, report }) {
    for (const problem of parsed.syntaxProblems) report({ span: problem.span, message: `YAML syntax error: ${problem.message}` });
  },
};
