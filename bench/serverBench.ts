/**
 * End-to-end benchmark of the BUILT language server, driven over stdio as an editor would drive it,
 * with Red Hat's yaml-language-server (configured with our JSON Schema) for comparison.
 *
 *   npm run build && node --import tsx bench/serverBench.ts
 *
 * For descriptors of 2,000 and 20,000 lines (bench/generateTopology.ts), each in a fresh server process:
 *   - didOpen → first publishDiagnostics;
 *   - a one-character incremental didChange → the diagnostics for that version (median and p90 of 15
 *     changes at 2,000 lines, 7 at 20,000). The edits cycle through: insert a '9' before a
 *     `concurrentUsers` value (the pool goes over 80,000: the diagnostics change), delete it again,
 *     change its last digit to '1' (the diagnostics stay the same), change it back. Each change is sent
 *     only once the previous one's diagnostics arrived, so nothing is coalesced between measured changes;
 *   - hover at a Persistent Chat pool id and completion right after `nextHop: ` (2 warm-ups, median of 20);
 *   - the server process's peak resident memory (VmHWM of /proc/<pid>/status) at the end.
 * The YAML parse alone of the same text (as the service calls it) and the in-process `analyze()` are
 * timed too, to express change→diagnostics as a multiple of the parse and to show the server's overhead.
 *
 * Our server publishes the document version with its diagnostics; the wait matches it exactly.
 * yaml-language-server publishes no version, so its wait takes the first notification that arrives after
 * the change was sent (changes are sequential, so this is the one for that change). Note that
 * yaml-language-server debounces validation by a fixed 200 ms (validationDelayMs) on open and on change.
 *
 * It reports; it never fails: every wait is bounded (30 s, reported as a MISS), the whole run has a time
 * budget, both servers are killed at the end, and the exit code is 0 whatever the figures.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { parseDocument } from 'yaml';
import { analyze } from '../server/src/service/languageService';
import { generateTopology } from './generateTopology';

const REPO = resolve(__dirname, '..');
const SIZES = [2_000, 20_000];
const CHANGES: Record<number, number> = { 2_000: 15, 20_000: 7 };
const REQUESTS = 20;
/** Extra changes, each followed at once by a hover (our server only). */
const CHANGE_HOVERS = 5;
const REQUEST_WARMUP = 2;
const WAIT_MS = 30_000;
/** The whole run stops measuring after this, so that it ends in about 4 minutes whatever happens. */
const BUDGET_MS = 215_000;
/** Between two measured changes, as between keystrokes: lets the server go idle (GC, timers). */
const PAUSE_BETWEEN_CHANGES_MS = 60;

const GOAL_CHANGE_MS_AT_2000 = 50;
const GOAL_VS_YLS = 1 / 5;
const GOAL_REQUEST_MS = 20;
const GOAL_PARSE_MULTIPLE_AT_20000 = 1.5;
const GOAL_PEAK_MB_AT_20000 = 150;

const started = performance.now();
const remaining = () => BUDGET_MS - (performance.now() - started);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------- figures

function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 0.1 ? v.toFixed(2) : v.toFixed(3);
const int = (v: number): string => v.toLocaleString('en-US');

function table(head: string[], rows: string[][], alignLeft: number[] = [0]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function timeMedian(fn: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Peak and current resident memory of a process, in MB, from /proc (Linux only). */
function memoryOf(pid: number | undefined): { peakMb?: number; rssMb?: number } {
  if (!pid) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    };
    return { peakMb: kb('VmHWM'), rssMb: kb('VmRSS') };
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------- driver

interface Received {
  params: PublishDiagnosticsParams;
  at: number;
}

class TimeoutError extends Error {}

/** A language server child process and a protocol connection to it, with timed, bounded waits. */
class ServerDriver {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly received: Received[] = [];
  private wake: (() => void)[] = [];
  configurationRequests = 0;
  stderr = '';
  exited = false;

  constructor(
    readonly name: string,
    args: string[],
    /** What `workspace/configuration` answers for one item. */
    private readonly configuration: (section: string | undefined) => unknown,
  ) {
    this.child = spawn(process.execPath, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    this.child.on('error', () => undefined);
    this.child.stdin!.on('error', () => undefined);
    this.child.stderr!.on('data', (chunk) => {
      if (this.stderr.length < 20_000) this.stderr += chunk;
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onError(() => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.received.push({ params, at: performance.now() });
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      this.notify();
      return params.items.map((item) => this.configuration(item.section));
    });
    // client/registerCapability, window/workDoneProgress/create, custom requests: all answered with null.
    // The "star" handlers (no method) exist at run time in vscode-jsonrpc; ProtocolConnection's typings omit them.
    const star = this.connection as unknown as { onRequest(handler: () => unknown): void; onNotification(handler: () => void): void };
    star.onRequest(() => null);
    star.onNotification(() => undefined);
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private notify(): void {
    this.wake.splice(0).forEach((w) => w());
  }

  /** Waits until `ready()` returns a value, or throws a TimeoutError after `ms` (or when the server exits). */
  async until<T>(ready: () => T | undefined, ms = WAIT_MS): Promise<T> {
    const deadline = performance.now() + Math.max(0, Math.min(ms, remaining() + 5_000));
    for (;;) {
      const value = ready();
      if (value !== undefined) return value;
      if (this.exited) throw new TimeoutError(`${this.name} exited (${this.stderr.trim().slice(-300)})`);
      const left = deadline - performance.now();
      if (left <= 0) throw new TimeoutError(`${this.name}: no answer within ${Math.round(Math.min(ms, remaining() + 5_000))} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1_000));
        this.wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** A request with a bounded wait; returns the answer and the milliseconds it took. */
  async request<R>(method: string, params: unknown, ms = WAIT_MS): Promise<{ result: R; ms: number }> {
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${this.name}: ${method} unanswered within ${ms} ms`)), ms);
    });
    try {
      const result = await Promise.race([this.connection.sendRequest<R>(method, params), timeout]);
      return { result, ms: performance.now() - t0 };
    } finally {
      clearTimeout(timer);
    }
  }

  async initialize(): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: false },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Shuts the server down politely, then for sure. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 3_000);
        await this.connection.sendNotification('exit');
      } catch {
        // killed below
      }
      const deadline = performance.now() + 2_000;
      while (!this.exited && performance.now() < deadline) await sleep(50);
    }
    this.connection.dispose();
    if (!this.exited) {
      this.child.kill('SIGKILL');
      const deadline = performance.now() + 2_000;
      while (!this.exited && performance.now() < deadline) await sleep(20);
    }
  }
}

const liveServers = new Set<ServerDriver>();
process.on('exit', () => {
  for (const s of liveServers) if (!s.exited) s.child.kill('SIGKILL');
});

// ---------------------------------------------------------------------------------------------- the servers

interface ServerKind {
  name: string;
  args: string[];
  languageId: string;
  configuration: (section: string | undefined) => unknown;
  /** Sent after `initialized`; resolves once the server has the settings. */
  configure?: (driver: ServerDriver) => Promise<void>;
  /** Whether the server publishes the document version with its diagnostics. */
  versioned: boolean;
}

const schemaUri = pathToFileURL(join(REPO, 'schemas', 'topology.schema.json')).href;
/** The settings from the brief, plus the schema store and CRD store disabled: otherwise the server fetches catalogs from the network. */
const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  schemas: { [schemaUri]: ['*.topology.yaml'] },
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

const OURS: ServerKind = {
  name: 'pchat-topology',
  args: [join(REPO, 'bin', 'pchat-topology-server.js'), '--stdio'],
  languageId: 'pchat-topology',
  configuration: () => ({}),
  versioned: true,
};

const YLS: ServerKind = {
  name: 'yaml-language-server',
  args: [join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
  languageId: 'yaml',
  configuration: (section) => (section === 'yaml' ? YAML_SETTINGS : section === 'http' ? { proxy: '', proxyStrictSSL: false } : null),
  configure: async (driver) => {
    const before = driver.configurationRequests;
    await driver.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });
    // It pulls its settings with workspace/configuration; give it a moment to apply them after the answer.
    await driver.until(() => (driver.configurationRequests > before ? true : undefined), 10_000);
    await sleep(300);
  },
  versioned: false,
};

// ---------------------------------------------------------------------------------------------- the document and its edits

interface Position {
  line: number;
  character: number;
}
interface Edit {
  range: { start: Position; end: Position };
  text: string;
  /** Whether the edit is expected to change our server's diagnostics. */
  changesDiagnostics: boolean;
}

interface Workload {
  /** The size asked of the generator. */
  target: number;
  lines: number;
  text: string;
  uri: string;
  hoverAt: Position;
  completionAt: Position;
  /** The i-th edit (0-based), as a function of the edits before it. */
  edit: (i: number) => Edit;
}

/** Lines of the form `key: value` in the middle third of the file first, the nearest to the middle first. */
function linesNearMiddle(lines: string[], pattern: RegExp): number[] {
  const mid = lines.length / 2;
  return lines
    .map((l, i) => (pattern.test(l) ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid));
}

function workload(lines: number, dir: string): Workload {
  const text = generateTopology(lines);
  const file = join(dir, `bench-${lines}.topology.yaml`);
  writeFileSync(file, text);
  const all = text.split('\n');

  // The edited values: concurrentUsers of at least 1,000 (so that a leading '9' puts the pool over 80,000).
  const targets = linesNearMiddle(all, /^\s+concurrentUsers: \d{4,}\s*$/).slice(0, 3);
  if (!targets.length) throw new Error(`no concurrentUsers value of 4 digits in the ${lines}-line descriptor`);
  const edit = (i: number): Edit => {
    const line = targets[Math.floor(i / 4) % targets.length];
    const original = all[line];
    const start = original.indexOf(': ') + 2;
    const end = original.trimEnd().length; // end of the digits in the original text
    const at = (character: number) => ({ line, character });
    switch (i % 4) {
      case 0: // 2000 → 92000: over the pool limit
        return { range: { start: at(start), end: at(start) }, text: '9', changesDiagnostics: true };
      case 1: // 92000 → 2000
        return { range: { start: at(start), end: at(start + 1) }, text: '', changesDiagnostics: true };
      case 2: // 2000 → 2001: same diagnostics
        return { range: { start: at(end - 1), end: at(end) }, text: '1', changesDiagnostics: false };
      default: // 2001 → 2000
        return { range: { start: at(end - 1), end: at(end) }, text: '0', changesDiagnostics: false };
    }
  };

  const poolLine = linesNearMiddle(all, /^ {2}- id: pchat-/)[0];
  const nextHopLine = linesNearMiddle(all, /^\s+nextHop: \S/)[0];
  return {
    target: lines,
    lines: all.length - (text.endsWith('\n') ? 1 : 0),
    text,
    uri: pathToFileURL(file).href,
    hoverAt: { line: poolLine, character: all[poolLine].indexOf('pchat-') + 3 },
    completionAt: { line: nextHopLine, character: all[nextHopLine].indexOf('nextHop: ') + 'nextHop: '.length },
    edit,
  };
}

// ---------------------------------------------------------------------------------------------- one session

interface SessionResult {
  server: string;
  lines: number;
  openMs?: number;
  openDiagnostics?: number;
  changeMs: number[];
  /** Diagnostics count after each change, to show that they alternate. */
  changeDiagnostics: number[];
  changesExpected: number;
  /** Our server only: didChange then at once a hover, which analyses the new version without the scheduler's delay. */
  changeHoverMs: number[];
  hoverMs: number[];
  hoverEmpty: number;
  completionMs: number[];
  completionItems?: number;
  peakMb?: number;
  rssMb?: number;
  problems: string[];
}

async function session(kind: ServerKind, w: Workload): Promise<SessionResult> {
  const r: SessionResult = {
    server: kind.name,
    lines: w.lines,
    changeMs: [],
    changeDiagnostics: [],
    changesExpected: CHANGES[w.target] ?? 7,
    changeHoverMs: [],
    hoverMs: [],
    hoverEmpty: 0,
    completionMs: [],
    problems: [],
  };
  if (remaining() < 10_000) {
    r.problems.push('skipped: time budget spent');
    return r;
  }
  const driver = new ServerDriver(kind.name, kind.args, kind.configuration);
  liveServers.add(driver);
  const step = async (what: string, fn: () => Promise<void>): Promise<boolean> => {
    if (remaining() < 0) {
      r.problems.push(`${what}: skipped (time budget spent)`);
      return false;
    }
    try {
      await fn();
      return true;
    } catch (error) {
      r.problems.push(`${what}: ${(error as Error).message}`);
      return false;
    }
  };

  try {
    let ok = await step('initialize', async () => {
      await driver.initialize();
      await kind.configure?.(driver);
      await sleep(200); // let start-up work (registrations, settings) settle
    });

    // didOpen → first diagnostics
    ok &&= await step('open', async () => {
      const since = driver.received.length;
      const t0 = performance.now();
      await driver.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: w.uri, languageId: kind.languageId, version: 1, text: w.text } });
      const got = await driver.until(() => driver.received.slice(since).find((x) => x.params.uri === w.uri));
      r.openMs = got.at - t0;
      r.openDiagnostics = got.params.diagnostics.length;
      if (got.params.diagnostics.length) {
        const first = got.params.diagnostics[0];
        r.problems.push(`note: ${got.params.diagnostics.length} diagnostics on the generated file, e.g. line ${first.range.start.line + 1}: ${(typeof first.message === 'string' ? first.message : first.message.value).slice(0, 100)}`);
      }
      // Let any second publication (e.g. after settings arrive) pass before the changes.
      await sleep(400);
    });

    // One-character changes → diagnostics of that version
    for (let i = 0; ok && i < r.changesExpected; i++) {
      const version = i + 2;
      ok = await step(`change v${version}`, async () => {
        const e = w.edit(i);
        const since = driver.received.length;
        const t0 = performance.now();
        await driver.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: w.uri, version },
          contentChanges: [{ range: e.range, text: e.text }],
        });
        const got = await driver.until(() =>
          driver.received
            .slice(since)
            .find((x) => x.params.uri === w.uri && (x.params.version === version || (!kind.versioned && x.params.version === undefined))),
        );
        r.changeMs.push(got.at - t0);
        r.changeDiagnostics.push(got.params.diagnostics.length);
        await sleep(PAUSE_BETWEEN_CHANGES_MS);
      });
    }
    // Our server only: a change followed at once by a hover. The hover analyses the new version on demand,
    // so its answer time is the cost of the analysis through the protocol, without the validation scheduler's
    // wait; the diagnostics of that version are awaited before the next one.
    for (let i = 0; ok && kind.versioned && i < CHANGE_HOVERS; i++) {
      const n = r.changesExpected + i;
      const version = n + 2;
      ok = await step(`change+hover v${version}`, async () => {
        const e = w.edit(n);
        const since = driver.received.length;
        const t0 = performance.now();
        await driver.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: w.uri, version },
          contentChanges: [{ range: e.range, text: e.text }],
        });
        await driver.request('textDocument/hover', { textDocument: { uri: w.uri }, position: w.hoverAt });
        r.changeHoverMs.push(performance.now() - t0);
        await driver.until(() => driver.received.slice(since).find((x) => x.params.uri === w.uri && x.params.version === version));
        await sleep(PAUSE_BETWEEN_CHANGES_MS);
      });
    }
    // Let anything pending settle before the requests.
    if (ok) await sleep(kind.versioned ? 100 : 400);

    // Hover at a Persistent Chat pool id
    ok &&= await step('hover', async () => {
      for (let i = 0; i < REQUEST_WARMUP + REQUESTS && remaining() > 0; i++) {
        const { result, ms: t } = await driver.request<unknown>('textDocument/hover', { textDocument: { uri: w.uri }, position: w.hoverAt });
        if (i >= REQUEST_WARMUP) {
          r.hoverMs.push(t);
          if (!result) r.hoverEmpty++;
        }
      }
    });

    // Completion right after `nextHop: `
    ok &&= await step('completion', async () => {
      for (let i = 0; i < REQUEST_WARMUP + REQUESTS && remaining() > 0; i++) {
        const { result, ms: t } = await driver.request<unknown>('textDocument/completion', {
          textDocument: { uri: w.uri },
          position: w.completionAt,
          context: { triggerKind: 1 },
        });
        if (i >= REQUEST_WARMUP) {
          r.completionMs.push(t);
          r.completionItems = Array.isArray(result) ? result.length : ((result as { items?: unknown[] } | null)?.items?.length ?? 0);
        }
      }
    });

    Object.assign(r, memoryOf(driver.pid));
  } finally {
    if (r.peakMb === undefined) Object.assign(r, memoryOf(driver.pid));
    await driver.stop();
    liveServers.delete(driver);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------- build check

/** Builds dist/ when it is missing or older than a source file, so that the figures are the current code's. */
function ensureBuilt(): string | undefined {
  const out = join(REPO, 'dist', 'server.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  if (existsSync(out) && statSync(out).mtimeMs >= newest(join(REPO, 'server', 'src'))) return undefined;
  process.stdout.write('dist/server.js is missing or older than server/src: running npm run build …\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  return build.status === 0 ? 'built before the run' : `npm run build failed (status ${build.status})`;
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const buildNote = ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pchat-server-bench-'));
  const results: SessionResult[] = [];
  const parseMs = new Map<number, number>();
  const analyzeMs = new Map<number, number>();
  const workloads = new Map<number, Workload>();
  try {
    process.stdout.write(
      `Server benchmark — Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(2)} at start${buildNote ? `; ${buildNote}` : ''}\n\n`,
    );
    for (const lines of SIZES) {
      const w = workload(lines, dir);
      workloads.set(lines, w);
      // The YAML parse alone, as the service's parse step calls it, and the whole service in-process.
      const heavy = lines >= 20_000;
      parseMs.set(lines, timeMedian(() => parseDocument(w.text, { uniqueKeys: true, prettyErrors: false }), heavy ? 3 : 10, heavy ? 11 : 41));
      analyzeMs.set(lines, timeMedian(() => analyze(w.text), heavy ? 2 : 5, heavy ? 7 : 21));
    }
    for (const kind of [OURS, YLS]) {
      for (const lines of SIZES) {
        const w = workloads.get(lines)!;
        process.stderr.write(`… ${kind.name}, ${int(w.lines)} lines\n`);
        try {
          results.push(await session(kind, w));
        } catch (error) {
          results.push({ server: kind.name, lines: w.lines, changeMs: [], changeDiagnostics: [], changesExpected: 0, changeHoverMs: [], hoverMs: [], hoverEmpty: 0, completionMs: [], problems: [(error as Error).message] });
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // ------------------------------------------------------------------ the table
  const rows = results.map((r) => [
    r.server,
    int(r.lines),
    ms(r.openMs),
    `${ms(median(r.changeMs))} (n=${r.changeMs.length}/${r.changesExpected})`,
    ms(percentile(r.changeMs, 90)),
    ms(median(r.hoverMs)),
    ms(median(r.completionMs)),
    r.peakMb === undefined ? '—' : r.peakMb.toFixed(0),
  ]);
  process.stdout.write(
    table(['server', 'lines', 'open→diag ms', 'change→diag ms (median)', 'p90 ms', 'hover ms', 'completion ms', 'peak MB'], rows) + '\n\n',
  );
  process.stdout.write(
    table(
      ['in-process', 'lines', 'kB', 'YAML parse alone ms', 'analyze() ms'],
      SIZES.map((n) => {
        const w = workloads.get(n);
        return ['median', int(w?.lines ?? n), w ? (w.text.length / 1024).toFixed(0) : '—', ms(parseMs.get(n)), ms(analyzeMs.get(n))];
      }),
    ) + '\n\n',
  );

  // ------------------------------------------------------------------ details
  const details: string[] = [];
  for (const r of results) {
    const what = `${r.server} @ ${int(r.lines)}`;
    if (r.changeMs.length) details.push(`${what}: change→diag each: ${r.changeMs.map((t) => ms(t)).join(', ')} ms; diagnostics after each: ${r.changeDiagnostics.join(', ')}`);
    if (r.changeHoverMs.length)
      details.push(
        `${what}: didChange followed at once by a hover (the analysis on demand, without the scheduler's wait): median ${ms(median(r.changeHoverMs))} ms (${r.changeHoverMs.map((t) => ms(t)).join(', ')})`,
      );
    if (r.hoverMs.length || r.completionMs.length)
      details.push(`${what}: hover empty ${r.hoverEmpty}/${r.hoverMs.length}; completion items ${r.completionItems ?? '—'}; RSS at end ${r.rssMb?.toFixed(0) ?? '—'} MB`);
    for (const p of r.problems) details.push(`${what}: ${p}`);
  }
  for (const r of results)
    if (r.changeHoverMs.length && r.changeMs.length) {
      const gap = median(r.changeMs) - median(r.changeHoverMs);
      details.push(
        `${r.server} @ ${int(r.lines)}: change→diag is ${ms(gap)} ms above change→hover: time the validation waits in the server's scheduler rather than computes` +
          (gap > 20 ? ' (it delays a run by the previous run\'s duration once runs are slow; see server/src/lsp/validationScheduler.ts)' : ''),
      );
    }
  const yls2000 = results.find((r) => r.server === YLS.name && r.lines === workloads.get(2_000)?.lines);
  if (yls2000?.changeMs.length)
    details.push(`yaml-language-server waits a fixed 200 ms before validating: its change→diag at 2,000 lines less that delay is ${ms(median(yls2000.changeMs) - 200)} ms.`);
  if (details.length) process.stdout.write(details.map((d) => `  ${d}`).join('\n') + '\n\n');

  // ------------------------------------------------------------------ goals
  const find = (server: string, lines: number) => results.find((r) => r.server === server && r.lines === workloads.get(lines)?.lines);
  const ours2k = find(OURS.name, 2_000);
  const ours20k = find(OURS.name, 20_000);
  const change2k = ours2k ? median(ours2k.changeMs) : NaN;
  const ylsChange2k = yls2000 ? median(yls2000.changeMs) : NaN;
  const change20k = ours20k ? median(ours20k.changeMs) : NaN;
  const parse20k = parseMs.get(20_000) ?? NaN;
  const complete = (r: SessionResult | undefined) => !!r && r.changeMs.length === r.changesExpected;
  const verdict = (ok: boolean, measured: boolean) => (measured && ok ? 'PASS' : 'MISS');
  const goals: [string, boolean, boolean, string][] = [
    [`2,000 lines: change→diag < ${GOAL_CHANGE_MS_AT_2000} ms`, change2k < GOAL_CHANGE_MS_AT_2000, complete(ours2k), `${ms(change2k)} ms`],
    [
      `2,000 lines: change→diag ≤ 1/5 of yaml-language-server's`,
      change2k <= ylsChange2k * GOAL_VS_YLS,
      complete(ours2k) && complete(yls2000),
      `${ms(change2k)} vs ${ms(ylsChange2k)} ms (limit ${ms(ylsChange2k * GOAL_VS_YLS)}; ratio 1/${ms(ylsChange2k / change2k)})`,
    ],
    [`2,000 lines: hover < ${GOAL_REQUEST_MS} ms`, median(ours2k?.hoverMs ?? []) < GOAL_REQUEST_MS, (ours2k?.hoverMs.length ?? 0) > 0, `${ms(median(ours2k?.hoverMs ?? []))} ms`],
    [
      `2,000 lines: completion < ${GOAL_REQUEST_MS} ms`,
      median(ours2k?.completionMs ?? []) < GOAL_REQUEST_MS,
      (ours2k?.completionMs.length ?? 0) > 0,
      `${ms(median(ours2k?.completionMs ?? []))} ms`,
    ],
    [
      `20,000 lines: change→diag ≤ ${GOAL_PARSE_MULTIPLE_AT_20000} × YAML parse alone`,
      change20k <= GOAL_PARSE_MULTIPLE_AT_20000 * parse20k,
      complete(ours20k),
      `${ms(change20k)} ms = ${(change20k / parse20k).toFixed(2)} × ${ms(parse20k)} ms (limit ${ms(GOAL_PARSE_MULTIPLE_AT_20000 * parse20k)} ms)`,
    ],
    [
      `20,000 lines: peak memory < ${GOAL_PEAK_MB_AT_20000} MB`,
      (ours20k?.peakMb ?? Infinity) < GOAL_PEAK_MB_AT_20000,
      ours20k?.peakMb !== undefined,
      `${ours20k?.peakMb?.toFixed(0) ?? '—'} MB`,
    ],
  ];
  process.stdout.write('Goals\n');
  for (const [label, ok, measured, figure] of goals) process.stdout.write(`  ${verdict(ok, measured)}  ${label}: ${measured ? figure : `not measured (${figure})`}\n`);
  for (const r of [ours2k, ours20k])
    if (r && !complete(r)) process.stdout.write(`  (only ${r.changeMs.length} of ${r.changesExpected} changes at ${int(r.lines)} lines were answered within ${WAIT_MS / 1000} s)\n`);
  process.stdout.write(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()[0].toFixed(2)} at the end (above the CPU count, every figure is inflated)\n`);
}

main()
  .catch((error) => process.stdout.write(`benchmark failed: ${(error as Error).stack ?? error}\n`))
  .finally(() => {
    for (const s of liveServers) if (!s.exited) s.child.kill('SIGKILL');
    process.exitCode = 0;
    // Stray handles (a server that would not die, a pending timer) must not keep the run alive.
    setTimeout(() => process.exit(0), 500).unref();
  });
