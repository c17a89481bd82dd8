import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';

/*
 * The TextMate grammar (syntaxes/pchat-topology.tmLanguage.json), loaded on its own with vscode-textmate and
 * vscode-oniguruma as VS Code would, and run over the bundled examples line by line (carrying the rule stack).
 */

const REPO = join(__dirname, '..', '..');
const GRAMMAR_PATH = join(REPO, 'syntaxes', 'pchat-topology.tmLanguage.json');
const SCOPE = 'source.pchat-topology';
const FIXTURES = join(__dirname, 'fixtures');

const EXAMPLES = ['examples', 'examples/invalid'].flatMap((folder) =>
  readdirSync(join(REPO, folder))
    .filter((f) => /\.topology\.ya?ml$/.test(f))
    .map((f) => `${folder}/${f}`),
);
const FIXTURE_FILES = readdirSync(FIXTURES)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `test/grammar/fixtures/${f}`);

const S = {
  comment: 'comment.line.number-sign.yaml',
  commentMark: 'punctuation.definition.comment.yaml',
  suppression: 'meta.suppression.pchat-topology',
  suppressionKeyword: 'keyword.control.suppression.pchat-topology',
  ruleId: 'constant.other.rule-id.pchat-topology',
  key: 'entity.name.tag.yaml',
  colon: 'punctuation.separator.key-value.mapping.yaml',
  dash: 'punctuation.definition.block.sequence.item.yaml',
  id: 'entity.name.type.id.pchat-topology',
  reference: 'variable.other.reference.pchat-topology',
  fqdn: 'string.unquoted.fqdn.pchat-topology',
  edition: 'constant.language.edition.pchat-topology',
  state: 'constant.language.state.pchat-topology',
  deployment: 'constant.language.deployment.pchat-topology',
  integer: 'constant.numeric.integer.yaml',
  float: 'constant.numeric.float.yaml',
  boolean: 'constant.language.boolean.yaml',
  null: 'constant.language.null.yaml',
  plain: 'string.unquoted.plain.out.yaml',
  plainIn: 'string.unquoted.plain.in.yaml',
  double: 'string.quoted.double.yaml',
  single: 'string.quoted.single.yaml',
  block: 'string.unquoted.block.yaml',
  seqBegin: 'punctuation.definition.sequence.begin.yaml',
  seqEnd: 'punctuation.definition.sequence.end.yaml',
  seqComma: 'punctuation.separator.sequence.yaml',
  mapBegin: 'punctuation.definition.mapping.begin.yaml',
  mapEnd: 'punctuation.definition.mapping.end.yaml',
  mapComma: 'punctuation.separator.mapping.yaml',
  anchor: 'entity.name.type.anchor.yaml',
  alias: 'variable.other.alias.yaml',
  docBegin: 'entity.other.document.begin.yaml',
  docEnd: 'entity.other.document.end.yaml',
  illegal: 'invalid.illegal',
} as const;

interface Token {
  text: string;
  start: number;
  scopes: string[];
}
interface Line {
  text: string;
  tokens: Token[];
}

const rawGrammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as Record<string, unknown>;
let grammar: IGrammar;

before(async () => {
  await loadWASM(readFileSync(join(REPO, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    // Only this grammar is known: anything it tried to include from elsewhere (source.yaml) would be missing.
    loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> =>
      scopeName === SCOPE ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const loaded = await registry.loadGrammar(SCOPE);
  assert.ok(loaded, `grammar ${SCOPE} did not load`);
  grammar = loaded;
});

/** Tokenizes a text line by line, carrying the rule stack, as an editor does. */
function tokenize(text: string): Line[] {
  let stack = INITIAL;
  return text.split(/\r?\n/).map((line, i) => {
    const result = grammar.tokenizeLine(line, stack);
    assert.equal(result.stoppedEarly, false, `line ${i + 1} stopped early: ${line}`);
    stack = result.ruleStack;
    return {
      text: line,
      tokens: result.tokens
        .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes }))
        .filter((t) => t.text.length > 0),
    };
  });
}

const tokenized = new Map<string, Line[]>();
function tokenizeFile(file: string): Line[] {
  let lines = tokenized.get(file);
  if (!lines) {
    lines = tokenize(readFileSync(join(REPO, file), 'utf8'));
    tokenized.set(file, lines);
  }
  return lines;
}

const show = (line: Line) => `${JSON.stringify(line.text)}:\n${line.tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n')}`;

/** The line of a file whose text is exactly `text` (the nth such line). */
function lineOf(file: string, text: string, nth = 0): Line {
  const matches = tokenizeFile(file).filter((l) => l.text === text);
  assert.ok(matches.length > nth, `${file} has no line ${JSON.stringify(text)}`);
  return matches[nth];
}

/** The token that is exactly `needle`, at its (nth) occurrence on the line. */
function tokenOf(line: Line, needle: string, nth = 0): Token {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = line.text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} does not occur ${nth + 1} time(s) on ${JSON.stringify(line.text)}`);
  }
  const token = line.tokens.find((t) => t.start === at);
  assert.ok(token && token.text === needle, `${JSON.stringify(needle)} is not one token on ${show(line)}`);
  return token;
}

function expectScope(file: string, lineText: string, needle: string, scope: string, nth = 0): Token {
  const line = lineOf(file, lineText);
  const token = tokenOf(line, needle, nth);
  assert.ok(token.scopes.includes(scope), `${JSON.stringify(needle)} should have ${scope} on ${show(line)}`);
  return token;
}

function expectNoScope(token: Token, prefix: string): void {
  assert.ok(!token.scopes.some((s) => s.startsWith(prefix)), `${JSON.stringify(token.text)} should not have ${prefix}*: ${token.scopes.join(' ')}`);
}

/** Every begin/end/match/while regex in the grammar, with where it is. */
function regexesOf(node: unknown, path = ''): { path: string; source: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => regexesOf(n, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    ['begin', 'end', 'match', 'while'].includes(k) && typeof v === 'string' ? [{ path: `${path}.${k}`, source: v }] : regexesOf(v, `${path}.${k}`),
  );
}

function includesOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(includesOf);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'include' && typeof v === 'string' ? [v] : includesOf(v)));
}

describe('grammar file', () => {
  it('is the grammar package.json contributes for the pchat-topology language', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    const contributed = (manifest.contributes.grammars as { language?: string; scopeName: string; path: string }[]).filter((g) => g.language === 'pchat-topology');
    assert.equal(contributed.length, 1);
    assert.equal(rawGrammar.scopeName, contributed[0].scopeName);
    assert.equal(rawGrammar.scopeName, SCOPE);
    assert.equal(resolve(REPO, contributed[0].path), GRAMMAR_PATH);
    assert.ok((manifest.contributes.languages as { id: string }[]).some((l) => l.id === 'pchat-topology'));
  });

  it('is self-contained: includes only its own repository, never source.yaml', () => {
    const repository = rawGrammar.repository as Record<string, unknown>;
    const includes = includesOf(rawGrammar);
    assert.ok(includes.length > 0);
    for (const include of includes) {
      assert.ok(include.startsWith('#') || include === '$self', `external include ${include}`);
      if (include.startsWith('#')) assert.ok(include.slice(1) in repository, `${include} is not in the repository`);
    }
  });

  it('compiles every regex with Oniguruma', () => {
    const regexes = regexesOf(rawGrammar);
    assert.ok(regexes.length > 50);
    for (const { path, source } of regexes) {
      // Back-references in end/while refer to the begin match; vscode-textmate substitutes them before compiling.
      const compilable = source.replace(/(?<!\\)((?:\\\\)*)\\[1-9]/g, '$1');
      assert.doesNotThrow(() => new OnigScanner([compilable]), `${path}: ${source}`);
    }
  });
});

describe('every example and fixture', () => {
  for (const file of [...EXAMPLES, ...FIXTURE_FILES]) {
    describe(file, () => {
      it('tokenizes every line', () => {
        const lines = tokenizeFile(file);
        assert.equal(lines.length, readFileSync(join(REPO, file), 'utf8').split(/\r?\n/).length);
      });

      it('leaves no token with only the root scope, except whitespace', () => {
        for (const line of tokenizeFile(file)) {
          for (const token of line.tokens) {
            if (token.scopes.length === 1) assert.match(token.text, /^\s*$/, `unscoped token on ${show(line)}`);
            assert.equal(token.scopes[0], SCOPE);
          }
        }
      });

      it('marks nothing as illegal', () => {
        for (const line of tokenizeFile(file)) for (const token of line.tokens) expectNoScope(token, S.illegal);
      });
    });
  }
});

describe('examples/ee-multiple-server.topology.yaml', () => {
  const file = 'examples/ee-multiple-server.topology.yaml';

  it('scopes the value of id: as a definition', () => {
    expectScope(file, '  - id: pchat', 'pchat', S.id);
    expectScope(file, '  - id: fe-redmond', 'fe-redmond', S.id);
    expectScope(file, '  - id: sql-pc-dr-mirror', 'sql-pc-dr-mirror', S.id);
  });

  it('scopes the values of reference keys as references', () => {
    expectScope(file, '    nextHop: fe-redmond', 'fe-redmond', S.reference);
    expectScope(file, '    backEnd: sql-be', 'sql-be', S.reference);
    expectScope(file, '    fileStore: fs', 'fs', S.reference);
    expectScope(file, '      store: sql-pc', 'sql-pc', S.reference);
    expectScope(file, '      mirror: sql-pc-mirror', 'sql-pc-mirror', S.reference);
    expectScope(file, '      backup: sql-pc-dr', 'sql-pc-dr', S.reference);
    expectScope(file, '      backupMirror: sql-pc-dr-mirror', 'sql-pc-dr-mirror', S.reference);
    expectScope(file, '    site: redmond', 'redmond', S.reference);
  });

  it('scopes FQDNs', () => {
    expectScope(file, '      - fqdn: pc01.corp.contoso.com', 'pc01.corp.contoso.com', S.fqdn);
    expectScope(file, 'domain: corp.contoso.com', 'corp.contoso.com', S.fqdn);
    expectScope(file, 'globalCatalog: gc01.contoso.com', 'gc01.contoso.com', S.fqdn);
    expectScope(file, '      - fe02.corp.contoso.com', 'fe02.corp.contoso.com', S.fqdn);
    expectScope(file, '  - fqdn: admin01.corp.contoso.com', 'admin01.corp.contoso.com', S.fqdn);
  });

  it('scopes edition, state and deployment keywords as constants', () => {
    expectScope(file, '        state: standby', 'standby', S.state);
    expectScope(file, '    deployment: multiple-server', 'multiple-server', S.deployment);
    expectScope(file, '    edition: enterprise', 'enterprise', S.edition);
  });

  it('scopes numbers, booleans and other plain scalars', () => {
    expectScope(file, '    concurrentUsers: 72000', '72000', S.integer);
    expectScope(file, '    sipPort: 5041', '5041', S.integer);
    expectScope(file, '      enabled: true', 'true', S.boolean);
    expectScope(file, 'topology: Contoso production', 'Contoso production', S.plain);
    expectScope(file, '    instance: PCHAT', 'PCHAT', S.plain);
  });

  it('scopes comments, keys, colons and dashes', () => {
    const first = tokenizeFile(file)[0];
    assert.equal(first.text, '# expect: (nothing)');
    assert.ok(first.tokens.every((t) => t.scopes.includes(S.comment)), show(first));
    assert.ok(tokenOf(first, '#').scopes.includes(S.commentMark));
    expectNoScope(tokenOf(first, '#'), S.suppression);
    expectScope(file, '# (Microsoft\'s disaster recovery design): one logical site, two data centers.', '#', S.comment);

    expectScope(file, 'persistentChatPools:', 'persistentChatPools', S.key);
    expectScope(file, 'persistentChatPools:', ':', S.colon);
    expectScope(file, '  - id: pchat', 'id', S.key);
    expectScope(file, '  - id: pchat', '-', S.dash);
    expectScope(file, '        dataCenter: portland', 'dataCenter', S.key);
    expectScope(file, '      - fe01.corp.contoso.com', '-', S.dash);
  });
});

describe('flow style in examples/invalid/alwayson-and-shared-instance.topology.yaml', () => {
  const file = 'examples/invalid/alwayson-and-shared-instance.topology.yaml';
  const line = '    servers: [fe01.corp.margiestravel.com, fe02.corp.margiestravel.com]';

  it('scopes the FQDNs of a flow sequence of servers', () => {
    expectScope(file, line, 'fe01.corp.margiestravel.com', S.fqdn);
    expectScope(file, line, 'fe02.corp.margiestravel.com', S.fqdn);
    expectScope(file, '    servers: [fe11.corp.margiestravel.com]', 'fe11.corp.margiestravel.com', S.fqdn);
  });

  it('scopes the flow punctuation', () => {
    expectScope(file, line, 'servers', S.key);
    expectScope(file, line, '[', S.seqBegin);
    expectScope(file, line, ',', S.seqComma);
    expectScope(file, line, ']', S.seqEnd);
    expectScope(file, line, 'fe01.corp.margiestravel.com', 'meta.flow-sequence.yaml');
  });

  it('closes the flow sequence at the end of the line', () => {
    const next = lineOf(file, '    backEnd: sql-be');
    for (const token of next.tokens) expectNoScope(token, 'meta.flow-sequence');
    expectScope(file, '    backEnd: sql-be', 'sql-be', S.reference);
  });
});

describe('every key and value of every example', () => {
  // What the value of each key of the format must be scoped as.
  const byKey: Record<string, string> = {
    id: S.id,
    site: S.reference,
    backEnd: S.reference,
    fileStore: S.reference,
    nextHop: S.reference,
    store: S.reference,
    mirror: S.reference,
    backup: S.reference,
    backupMirror: S.reference,
    fqdn: S.fqdn,
    domain: S.fqdn,
    globalCatalog: S.fqdn,
    edition: S.edition,
    state: S.state,
    deployment: S.deployment,
    sipPort: S.integer,
    poolPort: S.integer,
    concurrentUsers: S.integer,
    provisionedUsers: S.integer,
    version: S.integer,
    enabled: S.boolean,
    alwaysOn: S.boolean,
    topology: S.plain,
    name: S.plain,
    instance: S.plain,
    share: S.plain,
    dataCenter: S.plain,
    // misspelled on purpose in examples/invalid/broken-references: an unknown key's value still reads by its shape
    stat: S.state,
  };

  for (const file of EXAMPLES) {
    it(file, () => {
      let checked = 0;
      for (const line of tokenizeFile(file)) {
        if (line.text.trimStart().startsWith('#')) {
          assert.ok(line.tokens.filter((t) => t.text.trim()).every((t) => t.scopes.includes(S.comment)), show(line));
          continue;
        }
        const dash = /^(\s*)- /.exec(line.text);
        if (dash) assert.ok(tokenOf(line, '-').scopes.includes(S.dash), show(line));
        const pair = /^\s*(?:- )?([A-Za-z]+):(?: (.*))?$/.exec(line.text);
        if (pair) {
          const [, key, value] = pair;
          assert.ok(tokenOf(line, key).scopes.includes(S.key), show(line));
          assert.ok(tokenOf(line, ':', 0).scopes.includes(S.colon), show(line));
          if (value === undefined) continue;
          const flow = /^\[(.*)\]$/.exec(value);
          if (flow) {
            assert.equal(key, 'servers');
            for (const item of flow[1].split(', ')) assert.ok(tokenOf(line, item).scopes.includes(S.fqdn), `${item}: ${show(line)}`);
          } else {
            assert.ok(key in byKey, `no expectation for key ${key}`);
            const token = tokenOf(line, value, line.text.split(value).length - 2);
            assert.ok(token.scopes.includes(byKey[key]), `${key}: ${value} should have ${byKey[key]}: ${show(line)}`);
          }
          checked++;
        } else if (dash) {
          // A scalar item of a block sequence: only servers lists have those.
          const item = line.text.slice(dash[0].length);
          assert.ok(tokenOf(line, item).scopes.includes(S.fqdn), show(line));
          checked++;
        }
      }
      assert.ok(checked > 20, `only ${checked} lines checked`);
    });
  }
});

describe('fixture: block and flow styles, comments, suppressions (test/grammar/fixtures/styles.yaml)', () => {
  const file = 'test/grammar/fixtures/styles.yaml';

  it('gives suppression comments their own scopes', () => {
    const fileWide = lineOf(file, '# pchat-topology-disable PC202');
    for (const token of fileWide.tokens) {
      assert.ok(token.scopes.includes(S.comment), show(fileWide));
      assert.ok(token.scopes.includes(S.suppression), show(fileWide));
    }
    expectScope(file, '# pchat-topology-disable PC202', '#', S.commentMark);
    expectScope(file, '# pchat-topology-disable PC202', 'pchat-topology-disable', S.suppressionKeyword);
    expectScope(file, '# pchat-topology-disable PC202', 'PC202', S.ruleId);

    const nextLine = '    # pchat-topology-disable-next-line PC105, pc109';
    expectScope(file, nextLine, 'pchat-topology-disable-next-line', S.suppressionKeyword);
    expectScope(file, nextLine, 'pchat-topology-disable-next-line', S.suppression);
    expectScope(file, nextLine, 'PC105', S.ruleId);
    expectScope(file, nextLine, 'pc109', S.ruleId);
    expectScope(file, nextLine, 'PC105', S.comment);
  });

  it('gives a trailing comment the comment scope, and only the comment', () => {
    const cases: [string, string, string, string][] = [
      ['domain: corp.contoso.com # the AD DS domain', 'corp.contoso.com', S.fqdn, '# the AD DS domain'],
      ['topology: Contoso lab   # display name', 'Contoso lab', S.plain, '# display name'],
      ['    deployment: single-server # or multiple-server', 'single-server', S.deployment, '# or multiple-server'],
      ['    sipPort: 5041 # SIP', '5041', S.integer, '# SIP'],
      ['      - fe01.corp.contoso.com  # first', 'fe01.corp.contoso.com', S.fqdn, '# first'],
    ];
    for (const [text, value, scope, comment] of cases) {
      const line = lineOf(file, text);
      const at = text.indexOf(comment);
      for (const token of line.tokens) {
        if (token.start >= at) assert.ok(token.scopes.includes(S.comment), show(line));
        else expectNoScope(token, 'comment');
      }
      assert.ok(tokenOf(line, '#').scopes.includes(S.commentMark), show(line));
      assert.ok(tokenOf(line, value).scopes.includes(scope), show(line));
    }
  });

  it('scopes flow mappings and their keys by meaning', () => {
    const servers = '    servers: [{fqdn: pc01.corp.contoso.com, state: standby}, {fqdn: pc02.corp.contoso.com, state: active,';
    expectScope(file, servers, '{', S.mapBegin);
    expectScope(file, servers, 'fqdn', S.key);
    expectScope(file, servers, 'pc01.corp.contoso.com', S.fqdn);
    expectScope(file, servers, 'standby', S.state);
    expectScope(file, servers, 'active', S.state);
    expectScope(file, servers, '}', S.mapEnd);
    expectScope(file, servers, ',', S.mapComma);
    expectScope(file, servers, ',', S.seqComma, 1);
    // the flow sequence goes on over the next line
    expectScope(file, '      dataCenter: seattle}]', 'dataCenter', S.key);
    expectScope(file, '      dataCenter: seattle}]', 'dataCenter', 'meta.flow-mapping.yaml');
    expectScope(file, '      dataCenter: seattle}]', ']', S.seqEnd);
    expectScope(file, '    database: {store: sql-be, mirror: sql-pc-mirror, backup: sql-pc-dr, backupMirror: sql-pc-dr-m}', 'sql-pc-dr-m', S.reference);
    expectScope(file, '    database: {store: sql-be, mirror: sql-pc-mirror, backup: sql-pc-dr, backupMirror: sql-pc-dr-m}', 'sql-be', S.reference);

    const stores = 'sqlStores: [{id: sql-be, fqdn: sqlbe01.corp.contoso.com, edition: enterprise, site: redmond, alwaysOn: false}]';
    expectScope(file, stores, 'sql-be', S.id);
    expectScope(file, stores, 'sqlbe01.corp.contoso.com', S.fqdn);
    expectScope(file, stores, 'enterprise', S.edition);
    expectScope(file, stores, 'redmond', S.reference);
    expectScope(file, stores, 'false', S.boolean);
  });

  it('scopes quoted strings, keeping the meaning of their key', () => {
    expectScope(file, 'globalCatalog: "gc01.contoso.com"', 'gc01.contoso.com', S.fqdn);
    expectScope(file, 'globalCatalog: "gc01.contoso.com"', 'gc01.contoso.com', S.double);
    expectScope(file, '  - id: "portland"', 'portland', S.id);
    expectScope(file, "  - &hq {id: redmond, name: 'Redmond HQ'}", 'Redmond HQ', S.single);
    expectScope(file, '      - "fe03.corp.contoso.com"', 'fe03.corp.contoso.com', S.fqdn);
    const json = '{"adminConsoles": [{"fqdn": "admin01.corp.contoso.com"}], "x": 1.5e3}';
    expectScope(file, json, 'adminConsoles', S.key);
    expectScope(file, json, 'admin01.corp.contoso.com', S.fqdn);
    expectScope(file, json, '1.5e3', S.float);
  });

  it('scopes scalar items of a block servers list as FQDNs', () => {
    expectScope(file, '      - fe02', 'fe02', S.fqdn);
  });

  it('scopes block scalars, anchors, aliases, null and document markers', () => {
    expectScope(file, 'notes: |', '|', 'keyword.control.flow.block-scalar.literal.yaml');
    for (const text of ['  Free text: with a colon, a # hash and - dashes.', '    edition: enterprise', '  still text']) {
      const line = lineOf(file, text);
      assert.equal(line.tokens.filter((t) => t.text.trim()).length, 1, show(line));
      assert.ok(line.tokens.every((t) => t.scopes.includes(S.block)), show(line));
    }
    expectScope(file, 'sites:', 'sites', S.key);
    expectScope(file, '    share: >-', '>', 'keyword.control.flow.block-scalar.folded.yaml');
    expectScope(file, '      lync share', '      lync share', S.block);
    expectScope(file, '    site: redmond', 'redmond', S.reference);
    expectScope(file, "  - &hq {id: redmond, name: 'Redmond HQ'}", 'redmond', S.id);
    const anchor = tokenOf(lineOf(file, "  - &hq {id: redmond, name: 'Redmond HQ'}"), '&');
    assert.ok(anchor.scopes.includes(S.anchor));
    expectScope(file, "  - &hq {id: redmond, name: 'Redmond HQ'}", 'hq', S.anchor);
    expectScope(file, '      store: *hq', 'hq', S.alias);
    expectScope(file, '    concurrentUsers: ~', '~', S.null);
    expectScope(file, '---', '---', S.docBegin);
    expectScope(file, '...', '...', S.docEnd);
    expectScope(file, '%YAML 1.2', 'YAML', 'keyword.other.directive.yaml');
  });
});

describe('edge cases', () => {
  const scopesOf = (text: string, lineIndex: number, needle: string, nth = 0) => tokenOf(tokenize(text)[lineIndex], needle, nth).scopes;

  it('does not take a longer word for a suppression comment', () => {
    const scopes = scopesOf('# pchat-topology-disabled PC105\n', 0, '#');
    assert.ok(scopes.includes(S.comment));
    assert.ok(!scopes.includes(S.suppression));
  });

  it('reads suppression comments after a value', () => {
    assert.ok(scopesOf('site: hq # pchat-topology-disable-next-line PC004\n', 0, 'PC004').includes(S.ruleId));
    assert.ok(scopesOf('site: hq # pchat-topology-disable-next-line PC004\n', 0, 'hq').includes(S.reference));
  });

  it('keeps # inside a plain scalar and only starts a comment after a blank', () => {
    assert.ok(scopesOf('share: lync#share\n', 0, 'lync#share').includes(S.plain));
    assert.ok(scopesOf('- fs01.corp.contoso.com#x\n', 0, 'fs01.corp.contoso.com#x').every((s) => !s.startsWith('comment')));
  });

  it('takes a plain scalar that looks like a host name for an FQDN, but not a version or an address', () => {
    assert.ok(scopesOf('- gc01.contoso.com\n', 0, 'gc01.contoso.com').includes(S.fqdn));
    assert.ok(scopesOf('- 10.0.0.1\n', 0, '10.0.0.1').includes(S.plain));
    assert.ok(scopesOf('- contoso\n', 0, 'contoso').includes(S.plain));
    assert.ok(scopesOf('- 1.5\n', 0, '1.5').includes(S.float));
  });

  it('takes keywords only as whole scalars', () => {
    assert.ok(scopesOf('name: standard edition\n', 0, 'standard edition').includes(S.plain));
    assert.ok(scopesOf('edition: standard\n', 0, 'standard').includes(S.edition));
    assert.ok(scopesOf('id: standard\n', 0, 'standard').includes(S.id));
  });

  it('ends a block scalar at the first line that is not indented deeper', () => {
    const lines = tokenize('  a: |\n    text: x\n  site: hq\n  b: |\n  c: d\n');
    assert.ok(tokenOf(lines[1], '    text: x').scopes.includes(S.block));
    assert.ok(tokenOf(lines[2], 'hq').scopes.includes(S.reference));
    assert.ok(tokenOf(lines[4], 'c').scopes.includes(S.key), 'an empty block scalar does not swallow its sibling');
  });

  it('recovers from an unclosed flow collection or quote at the next less indented line', () => {
    const lines = tokenize('a:\n  servers: [fe01.corp.contoso.com,\n  site: hq\n  name: "unclosed\n  nextHop: fe\n');
    assert.ok(tokenOf(lines[2], 'hq').scopes.includes(S.reference), show(lines[2]));
    assert.ok(!tokenOf(lines[2], 'hq').scopes.includes('meta.flow-sequence.yaml'), show(lines[2]));
    assert.ok(tokenOf(lines[4], 'fe').scopes.includes(S.reference), show(lines[4]));
  });

  it('keeps a flow collection open over deeper lines, comments and a closing bracket', () => {
    const lines = tokenize('a:\n  servers: [\n    fe01.corp.contoso.com, # first\n# note\n    fe02.corp.contoso.com\n  ]\n  site: hq\n');
    assert.ok(tokenOf(lines[2], 'fe01.corp.contoso.com').scopes.includes(S.fqdn));
    assert.ok(tokenOf(lines[2], '#').scopes.includes(S.comment));
    assert.ok(tokenOf(lines[4], 'fe02.corp.contoso.com').scopes.includes(S.fqdn));
    assert.ok(tokenOf(lines[5], ']').scopes.includes(S.seqEnd));
    assert.ok(tokenOf(lines[6], 'hq').scopes.includes(S.reference));
  });

  it('marks a stray closing bracket as illegal', () => {
    assert.ok(scopesOf(']\n', 0, ']').some((s) => s.startsWith(S.illegal)));
  });

  it('tokenizes long and pathological lines quickly (no catastrophic backtracking)', () => {
    const n = 1000;
    const lines = [
      'k: ' + 'a.'.repeat(n) + '-',
      '- ' + 'ab-'.repeat(n) + '.x',
      'k: ' + 'a '.repeat(n) + ':',
      '{' + 'a b '.repeat(n),
      'k: [' + 'a, '.repeat(n),
      'k: "' + '\\"'.repeat(n),
      'a: b: '.repeat(n / 4) + '|x',
      '- '.repeat(n) + 'x',
      '# pchat-topology-disable ' + 'PC105, '.repeat(n / 4),
      'x'.repeat(n * 4) + ': ' + 'y'.repeat(n * 4),
    ];
    for (const line of lines) {
      const started = performance.now();
      tokenize(line);
      const took = performance.now() - started;
      assert.ok(took < 2000, `${took.toFixed(0)} ms for ${JSON.stringify(line.slice(0, 40))}…`);
    }
  });
});
