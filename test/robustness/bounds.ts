/**
 * Checks shared by the robustness tests: is a finding well formed, and does every range it carries (its own,
 * its related locations', its quick fixes' edits) lie inside the document?
 */
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../server/src/service/rules';
import type { Finding, Position, Range } from '../../server/src/service/types';

export const KNOWN_CODES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));
export const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint']);

/** Lengths of the document's lines as LSP counts them: `\r\n`, `\r` and `\n` end a line, and are not part of it. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function positionProblem(p: Position, lengths: number[]): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `non-integer position ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= lengths.length) return `line ${p.line} is outside the document's ${lengths.length} lines`;
  if (p.character < 0 || p.character > lengths[p.line]) return `character ${p.character} is outside line ${p.line} of length ${lengths[p.line]}`;
  return undefined;
}

/** Why a range is not inside the document, or undefined when it is. */
export function rangeProblem(range: Range, lengths: number[]): string | undefined {
  const problem = positionProblem(range.start, lengths) ?? positionProblem(range.end, lengths);
  if (problem) return problem;
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${JSON.stringify(start)} is after end ${JSON.stringify(end)}`;
  return undefined;
}

function describe(f: Finding): string {
  return `${f.code} "${f.message.slice(0, 200)}" at ${JSON.stringify(f.range)}`;
}

/** Asserts each finding is well formed and all its ranges lie inside `text`. */
export function assertFindingsWellFormed(text: string, findings: Finding[]): void {
  assert.ok(Array.isArray(findings), 'validate must return an array');
  const lengths = lineLengths(text);
  for (const f of findings) {
    assert.ok(KNOWN_CODES.has(f.code), `unknown code ${f.code} in ${describe(f)}`);
    assert.ok(SEVERITIES.has(f.severity), `unknown severity ${f.severity} in ${describe(f)}`);
    assert.equal(typeof f.message, 'string', `message of ${f.code} must be a string`);
    assert.ok(f.message.trim().length > 0, `empty message in ${describe(f)}`);
    // The service turns an exception inside a rule into a finding; that is still a crash of the rule.
    assert.ok(!/could not run rule/.test(f.message), `a rule threw: ${describe(f)}`);
    const own = rangeProblem(f.range, lengths);
    assert.equal(own, undefined, `range of ${describe(f)}: ${own}`);
    for (const rel of f.related ?? []) {
      const problem = rangeProblem(rel.range, lengths);
      assert.equal(problem, undefined, `related location "${rel.message}" of ${describe(f)}: ${problem}`);
    }
    for (const fix of f.fixes ?? []) {
      for (const edit of fix.edits) {
        const problem = rangeProblem(edit.range, lengths);
        assert.equal(problem, undefined, `edit of fix "${fix.title.slice(0, 200)}" of ${describe(f)}: ${problem}`);
        assert.equal(typeof edit.newText, 'string', `edit of fix "${fix.title.slice(0, 200)}" must carry text`);
      }
    }
  }
}
