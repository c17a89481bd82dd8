import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_FILES } from '../helpers';
import { validSarif } from './sarifSchema';
import { cli, tempCopy, tempDir } from './spawnCli';

/** One warning (PC105) and nothing else. */
const ONE_WARNING = 'examples/invalid/pchat-db-with-back-end.topology.yaml';
/** Two errors, PC207 and PC203. */
const TWO_ERRORS = 'examples/invalid/too-many-active.topology.yaml';
/** One hint (PC202) and nothing else. */
const ONE_HINT = 'examples/ee-single-server.topology.yaml';

const TOO_MANY = (count: number, max: number) => `pchat-topology: too many warnings: ${count}, more than --max-warnings ${max}.\n`;

describe('pchat-topology check --max-warnings', () => {
  it('exits 1 when more warnings than the limit remain, and says so on stderr', () => {
    const run = cli(['check', ONE_WARNING, '--max-warnings', '0']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /warning PC105/);
    assert.ok(run.stderr.endsWith(TOO_MANY(1, 0)), run.stderr);
  });
  it('exits 0 when the warnings are within the limit, and without the option', () => {
    for (const args of [['--max-warnings', '1'], []]) {
      const run = cli(['check', ONE_WARNING, ...args]);
      assert.equal(run.status, 0, args.join(' '));
      assert.doesNotMatch(run.stderr, /too many warnings/);
    }
  });
  it('leaves errors failing the check whatever the limit', () => {
    assert.equal(cli(['check', TWO_ERRORS, '--max-warnings', '100']).status, 1);
  });
  it('counts warnings only, not information or hints', () => {
    assert.equal(cli(['check', ONE_HINT, '--max-warnings', '0']).status, 0);
    assert.equal(cli(['check', ONE_WARNING, '--rule', 'PC105=information', '--max-warnings', '0']).status, 0);
  });
  it('counts the warnings of every file together', () => {
    const dir = tempDir();
    const files = [tempCopy('invalid/pchat-db-with-back-end.topology.yaml', dir), join(dir, 'second.topology.yaml')];
    writeFileSync(files[1], readFileSync(files[0], 'utf8'));
    assert.equal(cli(['check', ...files, '--max-warnings', '2']).status, 0);
    const over = cli(['check', ...files, '--max-warnings', '1']);
    assert.equal(over.status, 1);
    assert.ok(over.stderr.endsWith(TOO_MANY(2, 1)), over.stderr);
  });
  it('fails a SARIF run too, and its invocation says so', () => {
    const run = cli(['check', ONE_WARNING, '--format', 'sarif', '--max-warnings', '0']);
    assert.equal(run.status, 1);
    assert.equal(validSarif(run.stdout).runs[0].invocations![0].exitCode, 1);
    assert.equal(run.stderr, TOO_MANY(1, 0));
  });
  it('is a usage error for anything but a whole number of 0 or more', () => {
    for (const value of ['-1', 'many', '1.5', '']) {
      const run = cli(['check', ONE_WARNING, `--max-warnings=${value}`]);
      assert.equal(run.status, 2, value);
      assert.match(run.stderr, /^pchat-topology: --max-warnings takes a number of warnings, 0 or more, not '.*'\.\n/, value);
    }
  });
});

describe('pchat-topology check --quiet', () => {
  it('reports errors only, in the output and the summary', () => {
    const run = cli(['check', 'examples', '--quiet']);
    assert.equal(run.status, 1);
    const severities = new Set(run.stdout.trim().split('\n').map((line) => line.split(' ')[1]));
    assert.deepEqual([...severities], ['error']);
    assert.match(run.stderr, new RegExp(`^19 error\\(s\\), 0 warning\\(s\\), 0 note\\(s\\) in ${EXAMPLE_FILES} files\\.\n$`));
  });
  it('leaves warnings, information and hints out of json, sarif and github output', () => {
    const quiet = (format: string) => cli(['check', ONE_WARNING, ONE_HINT, '--quiet', '--format', format]);
    const json = JSON.parse(quiet('json').stdout) as { diagnostics: unknown[] }[];
    assert.deepEqual(json.map((entry) => entry.diagnostics), [[], []]);
    assert.deepEqual(validSarif(quiet('sarif').stdout).runs[0].results, []);
    assert.equal(quiet('github').stdout, '');
  });
  it('still counts the hidden warnings for --max-warnings, as ESLint does', () => {
    const run = cli(['check', ONE_WARNING, '--quiet', '--max-warnings', '0']);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `No problems in 1 file.\n${TOO_MANY(1, 0)}`);
  });
});

describe('pchat-topology check --format github', () => {
  it('prints one workflow command a finding: file, 1-based line and columns, the rule and its title', () => {
    const run = cli(['check', TWO_ERRORS, '--format', 'github']);
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      '::error file=examples/invalid/too-many-active.topology.yaml,line=35,col=22,endLine=35,endColumn=27,' +
        "title=PC207 A Persistent Chat pool plans more than 80%2C000 concurrent users::Persistent Chat pool 'pchat' plans 85,000 concurrent users; a Persistent Chat pool supports at most 80,000 (4 active servers of 20,000).\n" +
        '::error file=examples/invalid/too-many-active.topology.yaml,line=41,col=15,endLine=41,endColumn=37,' +
        "title=PC203 A Persistent Chat pool has more than 4 active servers::Persistent Chat pool 'pchat' has 5 active servers; a Persistent Chat pool can have at most 4 active servers.\n",
    );
    assert.equal(run.stderr, '2 error(s), 0 warning(s), 0 note(s) in 1 file.\n');
  });
  it('uses ::warning for warnings and ::notice for information and hints', () => {
    const run = cli(['check', ONE_WARNING, ONE_HINT, '--rule', 'PC105=info', '--format', 'github']);
    assert.deepEqual(
      run.stdout.trim().split('\n').map((line) => line.split(' ')[0]),
      ['::notice', '::notice'],
    );
    assert.match(cli(['check', ONE_WARNING, '--format', 'github']).stdout, /^::warning file=examples\/invalid\/pchat-db-with-back-end\.topology\.yaml,line=41,/);
  });
  it("escapes % CR LF in the message, and : , too in the properties, as GitHub documents", () => {
    const dir = tempDir();
    const text = readFileSync(tempCopy('se-next-hop.topology.yaml', dir), 'utf8').replace(/^domain:/m, '"odd%\\r\\nkey": 1\ndomain:');
    writeFileSync(join(dir, 'a,b:c.topology.yaml'), text);
    const run = cli(['check', 'a,b:c.topology.yaml', '--format', 'github'], { cwd: dir });
    const line = text.split('\n').findIndex((l) => l.startsWith('"odd')) + 1;
    assert.equal(
      run.stdout,
      `::error file=a%2Cb%3Ac.topology.yaml,line=${line},col=1,endLine=${line},endColumn=14,title=PC002 The descriptor does not match the topology format::` +
        "Unknown key 'odd%25%0D%0Akey' in the descriptor. Allowed keys here: topology, version, domain, globalCatalog, sites, sqlStores, fileStores, frontEndPools, persistentChatPools, adminConsoles.\n",
    );
  });
  it('names a file outside the current folder by its absolute path', () => {
    const file = tempCopy('invalid/pchat-db-with-back-end.topology.yaml');
    assert.match(cli(['check', file, '--format', 'github'], { cwd: tempDir() }).stdout, new RegExp(`^::warning file=${file.replace(/[.]/g, '\\.')},line=41,`));
  });
});

describe('pchat-topology check --rule: warn and info', () => {
  it('take warn for warning and info for information', () => {
    const severityOf = (setting: string) => cli(['check', ONE_WARNING, '--rule', `PC105=${setting}`]).stdout.split(' ')[1];
    assert.equal(severityOf('warn'), 'warning');
    assert.equal(severityOf('WARN'), 'warning');
    assert.equal(severityOf('info'), 'information');
    assert.equal(cli(['check', ONE_HINT, '--rule', 'PC202=warn', '--max-warnings', '0']).status, 1);
  });
  it('lists them with the severities when a word is wrong', () => {
    const run = cli(['check', ONE_WARNING, '--rule', 'PC105=loud']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^pchat-topology: --rule PC105: severity must be one of error, warning, information, hint, off, warn, info, not 'loud'\.\n/);
  });
});

describe('pchat-topology check --help: the CI options', () => {
  it('documents --format github, --max-warnings, --quiet and the warn/info words', () => {
    const help = cli(['check', '--help']).stdout;
    assert.match(help, /--format <text\|json\|sarif\|github>/);
    assert.match(help, /github: GitHub Actions workflow commands/);
    assert.match(help, /--max-warnings <n> +Exit with status 1 when more than n warnings remain/);
    assert.match(help, /--quiet +Report errors only/);
    assert.match(help, /warning \(or warn\),\n\s+information \(or info\)/);
  });
});
