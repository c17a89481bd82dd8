import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { codesOf, findingsOf, textAt } from '../helpers';
import { CONTOSO_EE, change } from './fixtures';

/** A valid Enterprise Edition topology; each case below breaks its YAML in one place. */
const CONTOSO = CONTOSO_EE;

/** The LSP position of `column` on the one line of `text` that reads `line`. */
function at(text: string, line: string, column: number) {
  const lines = text.split('\n');
  const index = lines.indexOf(line);
  assert.ok(index >= 0 && lines.indexOf(line, index + 1) < 0, `the fixture must have exactly one line ${JSON.stringify(line)}`);
  return { line: index, character: column };
}

/** Where the YAML parser itself puts each of its errors and warnings, as LSP positions. */
function parserPositions(text: string) {
  const doc = parseDocument(text);
  const lsp = TextDocument.create('file:///p.topology.yaml', 'pchat-topology', 0, text);
  return [...doc.errors, ...doc.warnings].map((e) => lsp.positionAt(e.pos[0]));
}

interface SyntaxCase {
  name: string;
  text: string;
  /** The line the error is reported on and the column it starts at. */
  line: string;
  column: number;
  /** A word the parser's explanation must carry. */
  says: RegExp;
}

const CASES: SyntaxCase[] = [
  {
    name: 'bad indentation (a key of a site indented by 3 instead of 4)',
    text: change(CONTOSO, '  - id: redmond\n', '  - id: redmond\n   name: Redmond HQ\n'),
    line: '   name: Redmond HQ',
    column: 0,
    says: /indicator/,
  },
  {
    name: 'duplicate key in a server map',
    text: change(CONTOSO, '      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: pc02.corp.contoso.com\n        fqdn: pc03.corp.contoso.com\n'),
    line: '        fqdn: pc03.corp.contoso.com',
    column: 8,
    says: /unique/,
  },
  {
    name: 'duplicate top-level key',
    text: change(CONTOSO, 'domain: corp.contoso.com\n', 'domain: corp.contoso.com\ndomain: contoso.com\n'),
    line: 'domain: contoso.com',
    column: 0,
    says: /unique/,
  },
  {
    name: 'tab indentation',
    text: change(CONTOSO, '    fileStore: fs\n\npersistentChatPools:', '\tfileStore: fs\n\npersistentChatPools:'),
    line: '\tfileStore: fs',
    column: 0,
    says: /[Tt]ab/,
  },
  {
    name: 'unclosed flow sequence (reported where the sequence should have ended)',
    text: change(
      CONTOSO,
      '    servers:\n      - fqdn: pc01.corp.contoso.com\n      - fqdn: pc02.corp.contoso.com\n',
      '    servers: [{fqdn: pc01.corp.contoso.com}, {fqdn: pc02.corp.contoso.com}\n',
    ),
    line: '    database:',
    column: 4,
    says: /\]/,
  },
  {
    name: 'two documents in one file',
    text: `${CONTOSO}---\ntopology: Second topology\n`,
    line: '---',
    column: 0,
    says: /document/,
  },
];

describe('PC001 YAML syntax error', () => {
  it('the unbroken fixture is valid and raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  for (const c of CASES) {
    it(`${c.name}: one PC001 at the parser's position and no other finding`, () => {
      assert.deepEqual(codesOf(c.text), ['PC001']);
      const findings = findingsOf(c.text, 'PC001');
      assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
      const [finding] = findings;
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range.start, at(c.text, c.line, c.column));
      assert.deepEqual([finding.range.start], parserPositions(c.text));
      assert.match(finding.message, /^YAML syntax error: /);
      assert.match(finding.message, c.says);
      assert.deepEqual(finding.fixes, []);
    });
  }

  it('the duplicate key is underlined at the repeated key, not the first one', () => {
    const c = CASES.find((x) => x.name === 'duplicate top-level key')!;
    const [finding] = findingsOf(c.text, 'PC001');
    assert.ok(textAt(c.text, finding).length > 0);
    assert.ok('domain'.startsWith(textAt(c.text, finding)), `range covers ${JSON.stringify(textAt(c.text, finding))}`);
    assert.equal(finding.range.start.line, 3);
  });

  it('two syntax errors in one file: one PC001 each, in file order', () => {
    let text = change(CONTOSO, '    fileStore: fs\n\npersistentChatPools:', '\tfileStore: fs\n\npersistentChatPools:');
    text = change(text, '      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: pc02.corp.contoso.com\n        fqdn: pc03.corp.contoso.com\n');
    assert.deepEqual(codesOf(text), ['PC001']);
    const starts = findingsOf(text, 'PC001').map((f) => f.range.start);
    assert.deepEqual(starts, [at(text, '\tfileStore: fs', 0), at(text, '        fqdn: pc03.corp.contoso.com', 8)]);
    assert.deepEqual(starts, parserPositions(text));
  });

  it('a file that does not parse is not judged further: an unknown key and a broken reference add nothing', () => {
    let text = change(CONTOSO, 'domain: corp.contoso.com\n', 'domain: corp.contoso.com\ndomain: contoso.com\n');
    text = change(text, '    nextHop: fe\n', '    nextHop: fe-missing\n    colour: blue\n');
    assert.deepEqual(codesOf(text), ['PC001']);
    assert.equal(findingsOf(text, 'PC001').length, 1);
  });

  it('near miss: tabs in comments and values, a leading document marker, the same key in sibling maps and flow style are valid YAML', () => {
    let text = change(CONTOSO, 'topology: Contoso production\n', '---\ntopology: Contoso production\t# tab before a comment\n');
    text = change(text, '  - id: redmond\n', '  - id: redmond\n    name: "Redmond\tHQ"\n');
    text = change(text, '    servers:\n      - fe01.corp.contoso.com\n      - fe02.corp.contoso.com\n', '    servers: [fe01.corp.contoso.com, fe02.corp.contoso.com]   # flow style\n');
    assert.deepEqual(codesOf(text), []);
  });

  it('the message for a second document tells a Lync administrator what is wrong, not which library call to use', () => {
    const text = `${CONTOSO}---\ntopology: Second topology\n`;
    const [finding] = findingsOf(text, 'PC001');
    assert.match(finding.message, /document/i);
    assert.doesNotMatch(finding.message, /parseAllDocuments|YAML\.\w+\(/);
  });
});
