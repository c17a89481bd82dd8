import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { decodeText } from '../server/src/cli/textFiles';
import { toDocument, validate } from '../server/src/service/languageService';
import { REPO } from './helpers';

/**
 * The rule ids a fixture promises: its first line `# expect: PC101, PC203`, `# expect: (nothing)` or `# expect: PC001 +`;
 * in a Topology Builder file, its first comment `<!-- expect: … -->`, after the XML declaration.
 */
function expectation(text: string, xml: boolean): { codes: string[]; atLeast: boolean } {
  const match = xml ? /^(?:<\?xml[^>]*\?>\s*)?<!-- expect: (.*?) -->/.exec(text) : /^# expect: (.*)$/m.exec(text.split('\n')[0]);
  assert.ok(match, xml ? 'the first comment must be an "<!-- expect: -->" comment' : 'the first line must be an "# expect:" comment');
  const spec = match[1].trim();
  const atLeast = spec.endsWith('+');
  const codes = spec === '(nothing)' ? [] : spec.replace(/\+$/, '').split(',').map((c) => c.trim()).filter(Boolean);
  return { codes: codes.sort(), atLeast };
}

for (const folder of ['examples', 'examples/invalid']) {
  describe(`${folder}: each file raises exactly the rule ids on its first line`, () => {
    for (const name of readdirSync(join(REPO, folder)).filter((f) => /\.(topology\.ya?ml|tbxml|xml)$/.test(f))) {
      it(name, () => {
        const { text } = decodeText(readFileSync(join(REPO, folder, name)));
        const { codes, atLeast } = expectation(text, !name.endsWith('.yaml'));
        const raised = [...new Set(validate(toDocument(text, pathToFileURL(join(REPO, folder, name)).href)).map((f) => f.code))].sort();
        if (atLeast) for (const code of codes) assert.ok(raised.includes(code), `${code} not raised; got ${raised.join(', ')}`);
        else assert.deepEqual(raised, codes);
      });
    }
  });
}
