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

/** Line breaks and runs of spaces as one space, so that a wrapped sentence still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The text of each blockquote, its lines joined, without the numbers of a quoted list. */
const blockquotes = (page: string) =>
  page
    .split(/\n\s*\n/)
    .filter((block) => block.startsWith('> '))
    .map((block) => flat(block.replace(/^> (\d+\. )?/gm, '')));
/** A quote that leaves words out (`…`) is quoted in parts. */
const quotedParts = (quote: string) => quote.split(/\s*…\s*/).map(flat);
/** Documents users do not have, which a page must never give as its source. */
const INTERNAL_SOURCES = [/rules\.md/, /topology-format\.md/, /\bseed\b/i, /the rule catalog/i];

describe('docs/rules: each rule cites Microsoft, or says that it is ours', () => {
  for (const rule of RULES) {
    it(`${rule.id}: its sources are pages on learn.microsoft.com and it quotes them; with none, it says why it is ours`, () => {
      for (const source of rule.sources) assert.match(source.url, /^https:\/\/learn\.microsoft\.com\//);
      if (rule.sources.length === 0) assert.ok(rule.inference, 'a rule with no Microsoft source needs its inference sentence');
      else assert.ok(rule.quote, "a rule with a Microsoft source quotes Microsoft's sentence");
    });

    it(`${rule.id}: the page links every source, quotes Microsoft's sentence, and cites no internal document`, () => {
      const page = readFileSync(join(REPO, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      if (rule.sources.length > 0) assert.match(page, /\]\(https:\/\/learn\.microsoft\.com\//, 'the page links no Microsoft page');
      for (const source of rule.sources) assert.ok(page.includes(`](${source.url})`), `the page does not link ${source.url}`);
      if (rule.inference) assert.ok(flat(page).includes(flat(rule.inference)), `the page lacks the inference sentence: ${rule.inference}`);
      if (rule.quote && !rule.quoteIsParaphrase) {
        const quoted = blockquotes(page);
        for (const part of quotedParts(rule.quote)) assert.ok(quoted.some((q) => q.includes(part)), `the page does not quote, in a blockquote: ${part}`);
      }
      for (const internal of INTERNAL_SOURCES) assert.doesNotMatch(page, internal);
    });
  }
});
