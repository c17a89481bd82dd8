import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, RULES, toDocument } from '../../server/src/service/languageService';
import { ALL_RULES } from '../../server/src/service/rules';
import { codesOf, REPO } from '../helpers';

/** The distinct rule ids a Topology Builder file raises, sorted. */
const codesOfTopologyBuilder = (text: string) => [...new Set(analyze(toDocument(text, 'file:///example.tbxml')).findings.map((f) => f.code))].sort();

/** How each kind of example is checked: a ```yaml one as a descriptor, an ```xml one as a saved Topology Builder file. */
const EXAMPLE_CHECKS = { yaml: codesOf, xml: codesOfTopologyBuilder } as const;

/** The first example of each syntax on a page. */
function examplesOf(page: string): { syntax: keyof typeof EXAMPLE_CHECKS; text: string }[] {
  return (Object.keys(EXAMPLE_CHECKS) as (keyof typeof EXAMPLE_CHECKS)[]).flatMap((syntax) => {
    const text = new RegExp('```' + syntax + '\\n([\\s\\S]*?)```').exec(page)?.[1];
    return text ? [{ syntax, text }] : [];
  });
}

describe('docs/rules: one page per rule, whose example raises it', () => {
  for (const rule of RULES) {
    it(`${rule.id}: the page exists, is titled for the rule, and its examples raise ${rule.id}`, () => {
      const page = join(REPO, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `${page} is missing`);
      const text = readFileSync(page, 'utf8');
      assert.equal(text.split('\n')[0], `# ${rule.id}: ${rule.title}`);
      const examples = examplesOf(text);
      assert.ok(examples.length > 0, 'the page has no ```yaml or ```xml example');
      for (const { syntax, text: example } of examples) {
        const codes = EXAMPLE_CHECKS[syntax](example);
        assert.ok(codes.includes(rule.id), `the ${syntax} example raises ${codes.join(', ') || 'nothing'}`);
      }
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

describe('docs/rules: what to change in Topology Builder', () => {
  for (const rule of ALL_RULES.filter((r) => r.inTopologyBuilder)) {
    it(`${rule.id}: the page says it under "In Topology Builder"`, () => {
      const page = readFileSync(join(REPO, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const section = page.split(/^## In Topology Builder\n/m)[1]?.split(/^## /m)[0];
      assert.ok(section, 'the page has no "In Topology Builder" section');
      assert.ok(flat(section).includes(flat(rule.inTopologyBuilder!)), `the section lacks: ${rule.inTopologyBuilder}`);
    });
  }
});
