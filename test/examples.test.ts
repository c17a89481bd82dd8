import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { codesOf, REPO } from './helpers';

/** The rule ids a fixture's first line promises: `# expect: PC101, PC203`, `# expect: (nothing)`, or `# expect: PC001 +`. */
function expectation(text: string): { codes: string[]; atLeast: boolean } {
  const match = /^# expect: (.*)$/m.exec(text.split('\n')[0]);
  assert.ok(match, 'the first line must be an "# expect:" comment');
  const spec = match[1].trim();
  const atLeast = spec.endsWith('+');
  const codes = spec === '(nothing)' ? [] : spec.replace(/\+$/, '').split(',').map((c) => c.trim()).filter(Boolean);
  return { codes: codes.sort(), atLeast };
}

for (const folder of ['examples', 'examples/invalid']) {
  describe(`${folder}: each file raises exactly the rule ids on its first line`, () => {
    for (const name of readdirSync(join(REPO, folder)).filter((f) => /\.topology\.ya?ml$/.test(f))) {
      it(name, () => {
        const text = readFileSync(join(REPO, folder, name), 'utf8');
        const { codes, atLeast } = expectation(text);
        const raised = codesOf(text);
        if (atLeast) for (const code of codes) assert.ok(raised.includes(code), `${code} not raised; got ${raised.join(', ')}`);
        else assert.deepEqual(raised, codes);
      });
    }
  });
}
