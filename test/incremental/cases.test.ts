/**
 * Named cases of incremental analysis: that an edit inside one item reads only that item again (the others'
 * YAML nodes and entities are the very objects of the analysis before), and the shapes of descriptor that the
 * pieces read as the whole would, or leave to analyze(). Each result also equals a full analysis.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isSeq, type Node } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeIncrementally, wasReadInPieces } from '../../server/src/service/incremental/incrementalAnalysis';
import { analyze, type TopologyAnalysis } from '../../server/src/service/languageService';
import { readExample } from '../helpers';
import { assertEquivalent, yamlOf } from './compare';

const URI = 'file:///work/cases.topology.yaml';
const EXAMPLE = readExample('ee-multiple-server.topology.yaml');

/** A document of the descriptor, its analysis, and edits by text replacement, each analysed from the one before. */
function editing(text: string) {
  let document = TextDocument.create(URI, 'pchat-topology', 1, text);
  let analysis = analyzeIncrementally(document, {});
  const check = () => {
    const full = analyze(TextDocument.create(URI, 'pchat-topology', document.version, document.getText()), {});
    assertEquivalent(analysis, full, [0, document.getText().length >> 1]);
  };
  check();
  return {
    get analysis() {
      return analysis;
    },
    /** Replaces the first `find` with `replace`. */
    edit(find: string, replace: string): TopologyAnalysis {
      const before = document.getText();
      const at = before.indexOf(find);
      assert.ok(at >= 0, `'${find}' is not in the text`);
      const range = { start: document.positionAt(at), end: document.positionAt(at + find.length) };
      document = TextDocument.update(document, [{ range, text: replace }], document.version + 1);
      analysis = analyzeIncrementally(document, {}, analysis);
      check();
      return analysis;
    },
  };
}

/** The items of a section's list, in the analysis's document. */
function itemsOf(analysis: TopologyAnalysis, section: string): Node[] {
  const root = yamlOf(analysis).yaml.contents;
  assert.ok(isMap(root));
  const list = root.get(section, true);
  assert.ok(isSeq(list));
  return list.items as Node[];
}

describe('incremental analysis', () => {
  it('reads again only the item an edit falls in; the others keep their nodes and entities, moved', () => {
    const session = editing(EXAMPLE);
    const [stores, pools] = [itemsOf(session.analysis, 'sqlStores'), itemsOf(session.analysis, 'persistentChatPools')];
    const entities = session.analysis.topology.sqlStores;
    session.edit('instance: PCHAT\n', 'instance: PCHAT2\n');
    assert.ok(wasReadInPieces(session.analysis));
    const after = itemsOf(session.analysis, 'sqlStores');
    assert.equal(after[0], stores[0], 'the store before the edit');
    assert.notEqual(after[1], stores[1], 'the edited store');
    assert.deepEqual(after.slice(2), stores.slice(2), 'the stores after it');
    after.slice(2).forEach((node, i) => assert.equal(node, stores[i + 2]));
    assert.equal(itemsOf(session.analysis, 'persistentChatPools')[0], pools[0]);
    assert.equal(session.analysis.topology.sqlStores[2], entities[2], 'an entity after the edit is the same object, moved');
    assert.equal(session.analysis.topology.sqlStores[2].span.start, entities[2].span.start);
  });

  it('adds and removes an entity, re-indexing the paths of those after it', () => {
    const session = editing(EXAMPLE);
    const added = session.edit('  - id: sql-pc\n', '  - id: sql-new\n    fqdn: sqlnew.corp.contoso.com\n    site: redmond\n  - id: sql-pc\n');
    assert.ok(wasReadInPieces(added));
    assert.deepEqual(added.topology.sqlStores[2].path, ['sqlStores', 2]);
    const removed = session.edit('  - id: sql-new\n    fqdn: sqlnew.corp.contoso.com\n    site: redmond\n', '');
    assert.deepEqual(removed.topology.sqlStores[1].path, ['sqlStores', 1]);
  });

  it('leaves a syntax error to analyze(), and reads in pieces again once it is repaired', () => {
    const session = editing(EXAMPLE);
    const pools = itemsOf(session.analysis, 'persistentChatPools');
    const broken = session.edit('    name: Redmond HQ', '    name: "Redmond HQ');
    assert.ok(!wasReadInPieces(broken));
    assert.ok(broken.findings.some((f) => f.code === 'PC001'));
    const repaired = session.edit('    name: "Redmond HQ', '    name: Redmond HQ');
    assert.ok(wasReadInPieces(repaired));
    assert.equal(itemsOf(repaired, 'persistentChatPools')[0], pools[0], 'the items read before the error are re-used');
  });

  it('leaves anchors and aliases to analyze()', () => {
    const session = editing(EXAMPLE.replace('    site: redmond\n', '    site: &home redmond\n'));
    assert.ok(!wasReadInPieces(session.analysis));
    session.edit('    site: redmond\n', '    site: *home\n');
    assert.ok(!wasReadInPieces(session.analysis));
  });

  it('reads a list in flow style with the frame, and the block lists in pieces', () => {
    const session = editing(EXAMPLE.replace(/fileStores:\n(?: {2}.*\n)+/, 'fileStores: [{ id: fs, fqdn: fs01.corp.contoso.com, share: lyncshare, site: redmond }]\n'));
    assert.ok(wasReadInPieces(session.analysis));
    session.edit('share: lyncshare', 'share: other');
    assert.ok(wasReadInPieces(session.analysis));
  });

  it('reads Windows line ends, lists at column 0, and comments between and after the items', () => {
    for (const text of [EXAMPLE.replace(/\n/g, '\r\n'), EXAMPLE.replace(/^ {2}/gm, ''), EXAMPLE.replace('  - id: sql-pc\n', '  # the chat store\n# at column 0\n  - id: sql-pc\n') + '# the end\n']) {
      const session = editing(text);
      assert.ok(wasReadInPieces(session.analysis));
      session.edit('PCHATCOMP', 'PCHATCOMP2');
      assert.ok(wasReadInPieces(session.analysis));
    }
  });

  it('reads suppression comments in items and in the frame', () => {
    const session = editing(EXAMPLE);
    const over = session.edit(/concurrentUsers: \d+/.exec(EXAMPLE)![0], 'concurrentUsers: 90000');
    const raised = over.findings.filter((f) => f.code === 'PC207').length;
    assert.ok(raised > 0);
    const silenced = session.edit('    concurrentUsers: 90000\n', '    # pchat-topology-disable-next-line PC207\n    concurrentUsers: 90000\n');
    assert.ok(wasReadInPieces(silenced));
    assert.equal(silenced.findings.filter((f) => f.code === 'PC207').length, raised - 1);
    session.edit('topology: ', '# pchat-topology-disable PC203\ntopology: ');
    assert.ok(wasReadInPieces(session.analysis));
  });

  it('does not analyse from an analysis a second time: its items moved on with the first', () => {
    const first = TextDocument.create(URI, 'pchat-topology', 1, EXAMPLE);
    const previous = analyzeIncrementally(first, {});
    const longer = TextDocument.create(URI, 'pchat-topology', 2, `# a line above\n${EXAMPLE}`);
    analyzeIncrementally(longer, {}, previous);
    const again = analyzeIncrementally(longer, {}, previous);
    assertEquivalent(again, analyze(TextDocument.create(URI, 'pchat-topology', 2, longer.getText()), {}), [0]);
  });

  it('follows a section whose header is commented out into the list before it', () => {
    const session = editing(EXAMPLE);
    session.edit('fileStores:', '#fileStores:');
    assert.ok(wasReadInPieces(session.analysis));
    session.edit('#fileStores:', 'fileStores:');
    assert.ok(wasReadInPieces(session.analysis));
  });
});
