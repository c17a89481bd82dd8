/**
 * Suppression comments: `# pchat-topology-disable[-next-line] [ids] [-- reason | : reason]`, ids separated by commas or
 * spaces. They are real YAML comments, as the parser reads them: the same characters in a quoted string or a block
 * scalar silence nothing. A marker with no ids silences every rule but PC001 and PC002, which only a marker naming them
 * silences. A word that is neither a rule id nor a reason makes the comment silence nothing and raises PC009 on that
 * word; with `reportUnusedSuppressions`, a comment (or an id in one) that silenced nothing is PC009 too.
 *
 * The base is the too-many-active example: PC207 on `concurrentUsers: 85000`, PC203 on the fifth server pc5.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../server/src/service/languageService';
import type { Finding } from '../server/src/service/types';
import { applyFix, codesOf, findingsOf, readExample, textAt } from './helpers';
import { change } from './rules/fixtures';

const BASE = readExample('invalid/too-many-active.topology.yaml');
const PC4 = '      - fqdn: pc4.corp.woodgrove.com\n';
const PC5 = '      - fqdn: pc5.corp.woodgrove.com\n';
const USERS = '    concurrentUsers: 85000\n';
const REPORT_UNUSED = { reportUnusedSuppressions: true };

/** `text` with `comment` on a line of its own before `topology:`. */
const onTop = (comment: string, text = BASE) => change(text, 'topology: Woodgrove\n', `${comment}\ntopology: Woodgrove\n`);

/** `text` with `comment` on the line before `line`, indented like it. */
const before = (line: string, comment: string, text = BASE) => change(text, line, `${/^\s*/.exec(line)![0]}${comment}\n${line}`);

/** The 0-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} is not in the text`);
  return text.slice(0, at).split('\n').length - 1;
};

/** The PC009 findings of `text`, each checked to be a warning on the line of `comment`. */
function pc009(text: string, comment: string, options = {}): Finding[] {
  const findings = findingsOf(text, 'PC009', options);
  for (const f of findings) {
    assert.equal(f.severity, 'warning');
    assert.equal(f.range.start.line, lineOf(text, comment), `PC009 is not on the comment's line: ${f.message}`);
  }
  return findings;
}

describe('suppression comments', () => {
  it('the base raises PC203 and PC207', () => {
    assert.deepEqual(codesOf(BASE), ['PC203', 'PC207']);
  });

  describe('# pchat-topology-disable: the whole file', () => {
    it("silences the rule it names and no other; a reason after ':' may say anything", () => {
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable PC203: accepted by our DBA, see CHG-1234')), ['PC207']);
    });

    it("takes a reason after '--'", () => {
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable PC203 -- accepted by our DBA, see CHG-1234')), ['PC207']);
    });

    it('takes ids separated by spaces, commas, or both', () => {
      for (const ids of ['PC203 PC207', 'PC203,PC207', 'PC203, PC207', 'PC207 ,PC203']) {
        assert.deepEqual(codesOf(onTop(`# pchat-topology-disable ${ids}`)), [], ids);
      }
    });

    it('counts a comment at the end of a line', () => {
      const text = change(BASE, USERS, '    concurrentUsers: 85000   # pchat-topology-disable PC207 -- growth planned for 2015\n');
      assert.deepEqual(codesOf(text), ['PC203']);
    });
  });

  describe('# pchat-topology-disable-next-line: the line after the comment', () => {
    it("silences the ids it names on the next line, with a reason after '--'", () => {
      assert.deepEqual(codesOf(before(PC5, '# pchat-topology-disable-next-line PC105, PC203 -- reason')), ['PC207']);
    });

    it('takes ids separated by spaces, and silences nothing on other lines', () => {
      // PC207 is named, but it is raised on the concurrentUsers line, not on the next one.
      assert.deepEqual(codesOf(before(PC5, '# pchat-topology-disable-next-line PC203 PC207')), ['PC207']);
    });

    it('does not reach past the next line', () => {
      assert.deepEqual(codesOf(before(PC4, '# pchat-topology-disable-next-line PC203')), ['PC203', 'PC207']);
    });

    it('with no ids, silences every rule on the next line', () => {
      assert.deepEqual(codesOf(before(PC5, '# pchat-topology-disable-next-line')), ['PC207']);
      assert.deepEqual(codesOf(before(USERS, '# pchat-topology-disable-next-line -- growth planned')), ['PC203']);
    });
  });

  describe('only real YAML comments count', () => {
    it('not a marker inside a double-quoted string', () => {
      const text = change(BASE, 'topology: Woodgrove\n', 'topology: "Contoso #pchat-topology-disable"\n');
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
    });

    it('not a marker inside a single-quoted string', () => {
      const text = change(BASE, 'topology: Woodgrove\n', "topology: 'Contoso # pchat-topology-disable PC203'\n");
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
    });

    it("not a '#' inside a plain scalar (no space before it)", () => {
      const text = change(BASE, 'topology: Woodgrove\n', 'topology: Contoso#pchat-topology-disable\n');
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
    });

    it('not a marker inside a literal block scalar', () => {
      const text = change(BASE, '  - id: ny\n', '  - id: ny\n    name: |\n      New York\n      # pchat-topology-disable\n');
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
    });

    it('not a next-line marker inside a folded block scalar, right above the finding', () => {
      const text = change(BASE, PC4, `${PC4}        dataCenter: >-\n          ny4\n          # pchat-topology-disable-next-line PC203\n`);
      assert.equal(lineOf(text, PC5), lineOf(text, '# pchat-topology-disable-next-line PC203') + 1);
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
    });
  });

  describe('a marker with no ids', () => {
    it('silences every rule', () => {
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable')), []);
    });

    it('stays a marker with no ids when its reason names ids', () => {
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable -- reviewed, see PC207')), []);
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable: reviewed in CHG-1234 (PC207)')), []);
    });

    it('does not silence PC002 (here an unknown key); naming PC002 does', () => {
      const unknownKey = change(BASE, '    nextHop: fe\n', '    nextHop: fe\n    colour: blue\n');
      assert.deepEqual(codesOf(unknownKey), ['PC002', 'PC203', 'PC207']);
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable', unknownKey)), ['PC002']);
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable PC002 -- colour is for our CMDB', unknownKey)), ['PC203', 'PC207']);
    });

    it('does not silence PC001 (a YAML syntax error); naming PC001 does', () => {
      const broken = change(BASE, 'servers: [fe01.corp.woodgrove.com]', 'servers: [fe01.corp.woodgrove.com');
      assert.ok(codesOf(broken).includes('PC001'));
      assert.ok(codesOf(onTop('# pchat-topology-disable', broken)).includes('PC001'));
      assert.ok(!codesOf(onTop('# pchat-topology-disable PC001', broken)).includes('PC001'));
    });
  });

  describe('PC009: a word that is neither a rule id nor a reason', () => {
    it("'PC10S': PC009 on the word, the comment silences nothing, and the fix puts the closest rule id there", () => {
      const comment = '# pchat-topology-disable PC10S';
      const text = onTop(comment);
      assert.deepEqual(codesOf(text), ['PC009', 'PC203', 'PC207']);
      const [finding, ...more] = pc009(text, comment);
      assert.deepEqual(more, []);
      assert.equal(textAt(text, finding), 'PC10S');
      assert.match(finding.message, /PC10S/);
      const [fix] = finding.fixes;
      assert.ok(fix, 'PC009 offers a fix');
      // PC10S is one letter from every PC10x; 'S' for '5' makes PC105 the likeliest, but any PC10x is closest.
      const id = /\bPC10\d\b/.exec(fix.title)?.[0];
      assert.ok(id, `the fix title names the closest rule id: ${fix.title}`);
      const after = applyFix(text, fix);
      assert.ok(after.includes(`\n# pchat-topology-disable ${id}\ntopology: Woodgrove\n`), after);
      assert.deepEqual(findingsOf(after, 'PC009'), []);
    });

    it("'PC2033' in a next-line comment: the fix names PC203, and then the comment silences it", () => {
      const comment = '# pchat-topology-disable-next-line PC2033';
      const text = before(PC5, comment);
      assert.deepEqual(codesOf(text), ['PC009', 'PC203', 'PC207']);
      const [finding] = pc009(text, comment);
      assert.equal(textAt(text, finding), 'PC2033');
      const [fix] = finding.fixes;
      assert.match(fix?.title ?? '', /\bPC203\b/);
      assert.deepEqual(codesOf(applyFix(text, fix)), ['PC207']);
    });

    for (const word of ['PC999', 'foo']) {
      it(`'${word}': PC009 on the word, and the findings stay`, () => {
        const comment = `# pchat-topology-disable ${word}`;
        const text = onTop(comment);
        assert.deepEqual(codesOf(text), ['PC009', 'PC203', 'PC207']);
        const findings = pc009(text, comment);
        assert.deepEqual(findings.map((f) => textAt(text, f)), [word]);
      });
    }

    it('one unknown word among known ids makes the whole comment silence nothing', () => {
      const comment = '# pchat-topology-disable PC203, PC10S';
      const text = onTop(comment);
      assert.deepEqual(codesOf(text), ['PC009', 'PC203', 'PC207']);
      assert.deepEqual(pc009(text, comment).map((f) => textAt(text, f)), ['PC10S']);
    });

    it("words after '--' or ':' are the reason, even when they look like ids", () => {
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable PC203 -- see PC999')), ['PC207']);
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable PC203: see PC207 and PC10S')), ['PC207']);
      assert.deepEqual(codesOf(before(PC5, '# pchat-topology-disable-next-line PC203 -- foo PC999')), ['PC207']);
    });
  });

  describe('reportUnusedSuppressions: a suppression that silenced nothing is PC009', () => {
    it('an id that silenced nothing, only with the option', () => {
      const comment = '# pchat-topology-disable PC105';
      const text = onTop(comment);
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
      assert.deepEqual(codesOf(text, REPORT_UNUSED), ['PC009', 'PC203', 'PC207']);
      assert.deepEqual(pc009(text, comment, REPORT_UNUSED).map((f) => textAt(text, f)), ['PC105']);
    });

    it('one PC009 per id that silenced nothing', () => {
      const comment = '# pchat-topology-disable PC105, PC106 -- old review';
      const text = onTop(comment);
      assert.deepEqual(pc009(text, comment, REPORT_UNUSED).map((f) => textAt(text, f)), ['PC105', 'PC106']);
    });

    it('in a next-line comment, the id whose rule is not raised on the next line', () => {
      const comment = '# pchat-topology-disable-next-line PC203 PC207';
      const text = before(PC5, comment);
      assert.deepEqual(codesOf(text), ['PC207']);
      assert.deepEqual(codesOf(text, REPORT_UNUSED), ['PC009', 'PC207']);
      assert.deepEqual(pc009(text, comment, REPORT_UNUSED).map((f) => textAt(text, f)), ['PC207']);
    });

    it('a bare comment that silenced nothing: one PC009 on the comment', () => {
      const clean = readExample('se-next-hop.topology.yaml');
      const comment = '# pchat-topology-disable -- legacy';
      const text = change(clean, 'topology: Northwind branch\n', `${comment}\ntopology: Northwind branch\n`);
      assert.deepEqual(codesOf(text), []);
      const findings = pc009(text, comment, REPORT_UNUSED);
      assert.equal(findings.length, 1);
      assert.ok(comment.includes(textAt(text, findings[0])), `the range is not in the comment: '${textAt(text, findings[0])}'`);
      assert.deepEqual(codesOf(text, REPORT_UNUSED), ['PC009']);
    });

    it('a bare next-line comment above a line with no finding', () => {
      const comment = '# pchat-topology-disable-next-line';
      const text = before(PC4, comment);
      assert.deepEqual(codesOf(text, REPORT_UNUSED), ['PC009', 'PC203', 'PC207']);
      assert.equal(pc009(text, comment, REPORT_UNUSED).length, 1);
    });

    it('nothing for suppressions that silenced what they name', () => {
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable PC203 PC207'), REPORT_UNUSED), []);
      assert.deepEqual(codesOf(before(PC5, '# pchat-topology-disable-next-line PC203'), REPORT_UNUSED), ['PC207']);
      assert.deepEqual(codesOf(onTop('# pchat-topology-disable'), REPORT_UNUSED), []);
    });

    it('an unknown word is reported once, as such, not also as unused', () => {
      const comment = '# pchat-topology-disable PC10S';
      const text = onTop(comment);
      assert.equal(pc009(text, comment, REPORT_UNUSED).length, 1);
    });
  });

  it('validate accepts the option on a text with no suppression', () => {
    assert.deepEqual(validate(BASE, REPORT_UNUSED).map((f) => f.code).sort(), ['PC203', 'PC207']);
  });
});
