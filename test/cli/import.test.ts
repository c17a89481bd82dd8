import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import schema from '../../schemas/topology.schema.json';
import { REPO } from '../helpers';
import { cli, STACK_LINE, tempDir } from './spawnCli';

/** Every Topology Builder fixture, as a path from the repository: whatever examples/ and examples/invalid/ hold when the tests run. */
const FIXTURES = ['examples', 'examples/invalid'].flatMap((folder) =>
  readdirSync(join(REPO, folder))
    .filter((name) => /\.(tbxml|xml)$/i.test(name))
    .sort()
    .map((name) => `${folder}/${name}`),
);

/**
 * Rule ids only the XML can raise, since the descriptor has no key for what they read: PC010 (a part the reader did
 * not understand; the import lists it in its header instead) and PC222 (Topology Builder's ServiceVersion; the import
 * writes it as a comment).
 */
const XML_ONLY = new Set(['PC010', 'PC222']);

interface Checked {
  codes: string[];
}

const checkedFiles = new Map<string, Checked>();

/** The rule ids `check --format json` raises on a file (named from the repository), checked once. */
function checkJson(file: string): Checked {
  const known = checkedFiles.get(file);
  if (known) return known;
  const run = cli(['check', '--format', 'json', file]);
  assert.ok(run.status === 0 || run.status === 1, `check ${file}: status ${run.status}\n${run.stderr}`);
  const [entry] = JSON.parse(run.stdout) as { diagnostics: { code: string }[] }[];
  const result = { codes: [...new Set(entry.diagnostics.map((d) => d.code))].sort() };
  checkedFiles.set(file, result);
  return result;
}

const validDescriptor = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** A name for the imported descriptor of a fixture, in a fresh folder. */
const importTarget = (fixture: string) => join(tempDir(), `${basename(fixture).replace(/\.[^.]+$/, '')}.topology.yaml`);

/** A one-line error of the CLI, status 2, no stack trace. */
function assertOneLineError(run: { status: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /^pchat-topology: [^\n]+\n$/);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  assert.equal(run.stdout, '');
}

describe('pchat-topology import: every Topology Builder fixture', () => {
  it('there are fixtures to import', () => {
    assert.ok(FIXTURES.length > 0, 'no *.tbxml or *.xml under examples/ or examples/invalid/');
  });
  for (const fixture of FIXTURES) {
    describe(fixture, () => {
      const xml = checkJson(fixture);
      if (xml.codes.includes('PC001')) {
        it('cannot be read as a topology: import refuses it in one line', () => {
          const out = importTarget(fixture);
          assertOneLineError(cli(['import', fixture, '-o', out]), new RegExp(`^pchat-topology: cannot import '${fixture}': line \\d+, column \\d+: `));
        });
        return;
      }
      const out = importTarget(fixture);
      const run = cli(['import', fixture, '-o', out]);
      it('is imported, with a one-line summary on stderr', () => {
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, new RegExp(`^imported \\d+ entit(y|ies) from ${fixture} to ${out}\n$`));
        assert.equal(run.stdout, '');
      });
      it('check of the import raises the same rule ids as check of the XML', () => {
        const imported = checkJson(out);
        assert.deepEqual(imported.codes, xml.codes.filter((code) => !XML_ONLY.has(code)));
      });
      it('the import is YAML that the JSON Schema accepts', () => {
        const text = readFileSync(out, 'utf8');
        assert.ok(validDescriptor(parse(text)), JSON.stringify(validDescriptor.errors, null, 2));
        assert.ok(!checkJson(out).codes.includes('PC002'));
      });
      it('names its source, the origin of each entity, and the planning keys to fill in', () => {
        const text = readFileSync(out, 'utf8');
        const data = parse(text) as Record<string, unknown[] | undefined>;
        assert.match(text.split('\n')[0], new RegExp(`^# Imported by pchat-topology import from the Topology Builder file ${fixture}\\.$`));
        const entities = ['sites', 'sqlStores', 'fileStores', 'frontEndPools', 'persistentChatPools'].reduce((n, key) => n + (data[key]?.length ?? 0), 0);
        assert.ok((text.match(/^\s*# Topology Builder: \S/gm) ?? []).length >= entities, 'an origin comment above each entity');
        assert.match(text, /^# globalCatalog: /m);
        assert.equal((text.match(/^ {4}# concurrentUsers: /gm) ?? []).length, data.persistentChatPools?.length ?? 0);
        if (xml.codes.includes('PC222')) assert.match(text, /# Topology Builder's ServiceVersion: \d+/);
        if (xml.codes.includes('PC010')) assert.match(text, /^# Left out, as pchat-topology did not understand them/m);
      });
      it('without -o, writes the same descriptor to stdout and nothing to stderr', () => {
        const toStdout = cli(['import', fixture]);
        assert.equal(toStdout.status, 0);
        assert.equal(toStdout.stdout, readFileSync(out, 'utf8'));
        assert.equal(toStdout.stderr, '');
      });
    });
  }
});

describe('pchat-topology import: what the reader does not understand', () => {
  it('is listed in the header, one line each, and the rest raises the same ids', () => {
    // The Persistent Chat service's dependency on the file store, with a usage the reader does not know.
    const fixture = FIXTURES.find((f) => f.endsWith('.tbxml') && checkJson(f).codes.length === 0);
    assert.ok(fixture, 'a .tbxml fixture without findings');
    const text = readFileSync(join(REPO, fixture), 'utf8');
    const fileStore = /<Service UniqueId="([^"]+)" RoleName="FileStore"/.exec(text)?.[1];
    const dependency = `ServiceUniqueId="${fileStore}" Usage="Default"`;
    const at = text.indexOf(dependency, text.indexOf('RoleName="PersistentChatService"'));
    assert.ok(fileStore && at >= 0, "the Persistent Chat service's dependency on a file store");
    const dir = tempDir();
    writeFileSync(join(dir, 'odd.tbxml'), `${text.slice(0, at)}ServiceUniqueId="${fileStore}" Usage="Witness"${text.slice(at + dependency.length)}`);
    const xml = cli(['check', '--format', 'json', 'odd.tbxml'], { cwd: dir });
    const [entry] = JSON.parse(xml.stdout) as { diagnostics: { code: string; message: string; range: { start: { line: number; character: number } } }[] }[];
    const notUnderstood = entry.diagnostics.filter((d) => d.code === 'PC010');
    assert.equal(notUnderstood.length, 1, xml.stdout);
    const run = cli(['import', 'odd.tbxml'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const { line, character } = notUnderstood[0].range.start;
    assert.ok(run.stdout.includes(`\n#   line ${line + 1}, column ${character + 1}: ${notUnderstood[0].message}\n`), run.stdout);
    writeFileSync(join(dir, 'odd.topology.yaml'), run.stdout);
    const imported = cli(['check', '--format', 'json', 'odd.topology.yaml'], { cwd: dir });
    const codes = (JSON.parse(imported.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
    assert.deepEqual([...new Set(codes)].sort(), [...new Set(entry.diagnostics.map((d) => d.code))].filter((c) => !XML_ONLY.has(c)).sort());
  });
});

describe('pchat-topology import -o: an existing file', () => {
  const fixture = FIXTURES.find((f) => checkJson(f).codes.every((c) => c !== 'PC001'));
  it('is refused in one line, and left as it was', () => {
    assert.ok(fixture, 'a readable Topology Builder fixture');
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.topology.yaml'), 'mine\n');
    const run = cli(['import', join(REPO, fixture), '-o', 'mine.topology.yaml'], { cwd: dir });
    assertOneLineError(run, /^pchat-topology: cannot write 'mine.topology.yaml': already exists \(give --force to overwrite it\)\n$/);
    assert.equal(readFileSync(join(dir, 'mine.topology.yaml'), 'utf8'), 'mine\n');
  });
  it('is overwritten with --force', () => {
    assert.ok(fixture);
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.topology.yaml'), 'mine\n');
    const run = cli(['import', join(REPO, fixture), '-o', 'mine.topology.yaml', '--force'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(readFileSync(join(dir, 'mine.topology.yaml'), 'utf8'), /^# Imported by pchat-topology import/);
  });
  it('is never the Topology Builder file itself, even with --force', () => {
    assert.ok(fixture);
    const dir = tempDir();
    const copy = join(dir, basename(fixture));
    writeFileSync(copy, readFileSync(join(REPO, fixture)));
    const before = readFileSync(copy);
    assertOneLineError(cli(['import', copy, '-o', copy, '--force']), /it is the Topology Builder file being imported\n$/);
    assert.deepEqual(readFileSync(copy), before);
  });
  it('--force without -o is a usage error', () => {
    assert.ok(fixture);
    const run = cli(['import', fixture, '--force']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^pchat-topology: --force overwrites the file -o names; give -o too\.\nRun 'pchat-topology import --help' for usage\.\n$/);
  });
});

describe('pchat-topology import: bad input is one line and exit status 2', () => {
  const inDir = (name: string, text: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    return dir;
  };
  it('a file that is not there', () => {
    assertOneLineError(cli(['import', 'missing.tbxml'], { cwd: tempDir() }), /^pchat-topology: cannot read 'missing.tbxml': no such file or folder\n$/);
  });
  it('a folder', () => {
    assertOneLineError(cli(['import', '.'], { cwd: tempDir() }), /^pchat-topology: cannot read '\.': is a folder\n$/);
  });
  it('a file that is not XML', () => {
    const dir = inDir('notes.tbxml', 'My notes.\n');
    assertOneLineError(cli(['import', 'notes.tbxml'], { cwd: dir }), /^pchat-topology: cannot import 'notes.tbxml': line 1, column \d+: /);
  });
  it('a truncated file', () => {
    const fixture = FIXTURES.find((f) => f.endsWith('.tbxml'));
    assert.ok(fixture, 'a .tbxml fixture');
    const text = readFileSync(join(REPO, fixture), 'utf8');
    const dir = inDir('cut.tbxml', text.slice(0, Math.floor(text.length / 2)));
    assertOneLineError(cli(['import', 'cut.tbxml'], { cwd: dir }), /^pchat-topology: cannot import 'cut.tbxml': line \d+, column \d+: /);
  });
  it('XML of another kind', () => {
    const dir = inDir('build.xml', '<?xml version="1.0"?>\n<project name="build"><target name="all"/></project>\n');
    assertOneLineError(cli(['import', 'build.xml'], { cwd: dir }), /^pchat-topology: cannot import 'build.xml': line \d+, column \d+: /);
  });
  it('a descriptor, which is already YAML', () => {
    assertOneLineError(cli(['import', 'examples/se-next-hop.topology.yaml']), /^pchat-topology: cannot import 'examples\/se-next-hop.topology.yaml': not a Topology Builder file \(\*\.tbxml or \*\.xml\); import reads those\n$/);
  });
  it('no file, or two', () => {
    for (const args of [['import'], ['import', 'a.tbxml', 'b.tbxml']]) {
      const run = cli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, "pchat-topology: import takes exactly one Topology Builder file.\nRun 'pchat-topology import --help' for usage.\n");
    }
  });
});

describe("pchat-topology import: '-' reads standard input as Topology Builder XML", () => {
  it('writes the same descriptor as from the file, naming <stdin> or --stdin-filename', () => {
    const fixture = FIXTURES.find((f) => checkJson(f).codes.every((c) => c !== 'PC001'));
    assert.ok(fixture);
    const input = readFileSync(join(REPO, fixture), 'utf8');
    const fromFile = cli(['import', fixture]).stdout;
    const fromStdin = cli(['import', '-', '--stdin-filename', fixture], { input });
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    assert.equal(fromStdin.stdout, fromFile);
    const unnamed = cli(['import', '-'], { input });
    assert.equal(unnamed.status, 0, unnamed.stderr);
    assert.match(unnamed.stdout, /^# Imported by pchat-topology import from the Topology Builder file <stdin>\./);
  });
});

describe('pchat-topology --help lists import', () => {
  it('in the main help and its own', () => {
    assert.match(cli(['--help']).stdout, /^ {2}import <file\.tbxml \| file\.xml \| ->/m);
    const help = cli(['import', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: pchat-topology import /);
  });
});
