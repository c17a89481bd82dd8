import { closest } from 'fastest-levenshtein';
import type { SuppressionWord } from '../suppressions';
import type { Report, Rule, RuleContext } from './rule';

/** `PC10S`, `pc999`, `P105`: meant as a rule id. Other words are a reason written without its separator. */
const LOOKS_LIKE_ID = /^P?C?\d|^PC/i;

/** Letters typed for the digits they look like: `PC1O5`, `PC10S`. */
const LOOK_ALIKES: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const digitsFor = (id: string) => id.slice(0, 2) + id.slice(2).replace(/[A-Z]/g, (c) => LOOK_ALIKES[c] ?? c);

function mistypedId({ ruleIds, edits }: RuleContext, word: SuppressionWord): Report {
  const typed = word.text.toUpperCase();
  const suggestion = closest(digitsFor(typed), [...ruleIds]);
  return {
    span: word.span,
    message: `'${word.text}' in this suppression comment is not a rule id of pchat-topology, so the comment silences nothing.`,
    fixes: [{ title: `Change to ${suggestion}`, edits: [edits.replace(word.span, suggestion)], preferred: true }],
  };
}

function reasonWithoutSeparator({ edits }: RuleContext, word: SuppressionWord): Report {
  return {
    span: word.span,
    message: `'${word.text}' in this suppression comment is not a rule id, so the comment silences nothing; write a reason after '--' or ':'.`,
    fixes: [{ title: `Start the reason with '--' before '${word.text}'`, edits: [edits.replace({ start: word.span.start, end: word.span.start }, '-- ')], preferred: true }],
  };
}

export const unknownSuppressionId: Rule = {
  id: 'PC009',
  title: 'A suppression comment names something that is not a rule id',
  defaultSeverity: 'warning',
  sources: [],
  inference: "This rule is ours, not Microsoft's: it keeps pchat-topology's suppression comments honest, as ESLint's `--report-unused-disable-directives` does for its own.",
  check(context) {
    for (const suppression of context.suppressions) {
      for (const word of suppression.unknown) {
        if (LOOKS_LIKE_ID.test(word.text)) {
          context.report(mistypedId(context, word));
        } else {
          // The words after it are the rest of the same reason: one finding.
          context.report(reasonWithoutSeparator(context, word));
          break;
        }
      }
    }
  },
};
