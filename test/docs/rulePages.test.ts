import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service/languageService';
import { codesOf, REPO } from '../helpers';

describe('docs/rules: one page per rule, whose example raises it', () => {
  for (const rule of RULES) {
    it(`${rule.id}: the page exists, is titled for the rule, and its example raises ${rule.id}`, () => {
      const page = join(REPO, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `${page} is missing`);
      const text = readFileSync(page, 'utf8');
      assert.match(text.split('\n')[0], new RegExp(`^# ${rule.id}\\b`));
      const example = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
      assert.ok(example, 'the page has no ```yaml example');
      assert.ok(codesOf(example).includes(rule.id), `the example raises ${codesOf(example).join(', ') || 'nothing'}`);
    });
  }

  it('the index lists every rule', () => {
    const index = readFileSync(join(REPO, 'docs', 'rules', 'README.md'), 'utf8');
    for (const rule of RULES) assert.match(index, new RegExp(`\\[${rule.id}\\]\\(${rule.id}\\.md\\)`));
  });
});
