import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'PC001',
  title: 'YAML syntax error',
  defaultSeverity: 'error',
  source: 'YAML 1.2; topology-format.md',
  quote: 'A topology descriptor is one YAML document.',
  check({ parsed, report }) {
    for (const problem of parsed.syntaxProblems) report({ span: problem.span, message: `YAML syntax error: ${problem.message}` });
  },
};
