/**
 * End-to-end benchmark of the BUILT language server, driven over stdio as an editor would drive it, beside
 * Red Hat's yaml-language-server (configured with our JSON Schema) in the same run: issue 12's goals.
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
 *   - at 2,000 lines, a burst: 100 one-character changes sent back to back (typing into a site's name), then the
 *     publications that came for them, the time from the last change to the diagnostics of the last version, and
 *     the server's CPU time over the burst beside that of one lone change (how many analyses' worth it ran);
 *   - the server process's peak resident memory (VmHWM of /proc/<pid>/status) at the end.
 * In-process, the YAML parse alone of the same text (as the service calls it; warm, and cold in a fresh process,
 * as a server parses its first file), analyze() and the incremental analysis of one edit are timed too, to set
 * open→diagnostics beside the parse and to show where the server's time goes.
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
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { analyzeIncrementally } from '../server/src/service/incremental/incrementalAnalysis';
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

/** Issue 12's goals: change→diagnostics as a share of yaml-language-server's, by size. */
const GOAL_VS_YLS: Record<number, number> = { 2_000: 0.15, 20_000: 0.3 };
/** Hover and completion at 20,000 lines. */
const GOAL_REQUEST_MS = 20;
const GOAL_PEAK_MB_AT_20000 = 150;
/** open→diagnostics at 20,000 lines, as a multiple of the YAML parse alone. */
const GOAL_OPEN_PARSE_MULTIPLE_AT_20000 = 1.2;
/** The burst at 2,000 lines: changes sent back to back. */
const BURST_CHANGES = 100;

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

const CLOCK_TICKS_PER_S = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** User and system CPU time of a process so far, in ms, from /proc (Linux only; 10 ms steps). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S) * 1000;
  } catch {
    return undefined;
  }
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
  /** Where the burst types: the end of a site's name. */
  burstAt: Position;
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
  const nameLine = all.findIndex((l) => /^ {4}name: \S/.test(l));
  return {
    target: lines,
    lines: all.length - (text.endsWith('\n') ? 1 : 0),
    text,
    uri: pathToFileURL(file).href,
    hoverAt: { line: poolLine, character: all[poolLine].indexOf('pchat-') + 3 },
    completionAt: { line: nextHopLine, character: all[nextHopLine].indexOf('nextHop: ') + 'nextHop: '.length },
    edit,
    burstAt: { line: nameLine, character: all[nameLine].trimEnd().length },
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
  /** CPU time of the server per measured change, lone changes with their diagnostics awaited. */
  changeCpuMs?: number;
  burst?: BurstResult;
  peakMb?: number;
  rssMb?: number;
  problems: string[];
}

/** The burst of changes sent back to back, at 2,000 lines. */
interface BurstResult {
  changes: number;
  /** Diagnostics published for the document from the first change of the burst on. */
  publications: number;
  /** From the last change sent to the diagnostics of the text after it. */
  lastToDiagnosticsMs: number;
  /** The server's CPU time from the first change to those diagnostics. */
  cpuMs: number;
  /** How long sending the changes took. */
  sendMs: number;
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
    const cpuBefore = cpuMsOf(driver.pid);
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
    const cpuAfter = cpuMsOf(driver.pid);
    if (r.changeMs.length && cpuBefore !== undefined && cpuAfter !== undefined) r.changeCpuMs = (cpuAfter - cpuBefore) / r.changeMs.length;
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

    // A burst of changes sent back to back, as fast typing sends them.
    const burstVersion = r.changesExpected + (kind.versioned ? CHANGE_HOVERS : 0) + 2;
    if (w.target === 2_000) ok &&= await step('burst', async () => void (r.burst = await burst(driver, kind, w, burstVersion)));

    Object.assign(r, memoryOf(driver.pid));
  } finally {
    if (r.peakMb === undefined) Object.assign(r, memoryOf(driver.pid));
    await driver.stop();
    liveServers.delete(driver);
  }
  return r;
}

/** BURST_CHANGES one-character changes (typing 'x' at `w.burstAt`), each sent as soon as the one before is written. */
async function burst(driver: ServerDriver, kind: ServerKind, w: Workload, firstVersion: number): Promise<BurstResult> {
  await sleep(500);
  const since = driver.received.length;
  const cpuBefore = cpuMsOf(driver.pid) ?? NaN;
  const t0 = performance.now();
  for (let i = 0; i < BURST_CHANGES; i++) {
    const at = { line: w.burstAt.line, character: w.burstAt.character + i };
    await driver.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: w.uri, version: firstVersion + i },
      contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
    });
  }
  const sentAt = performance.now();
  const lastVersion = firstVersion + BURST_CHANGES - 1;
  const mine = () => driver.received.slice(since).filter((x) => x.params.uri === w.uri);
  // Unversioned publications: the last of those that come after the last change, once the server is quiet.
  let last = await driver.until(() => mine().find((x) => (kind.versioned ? x.params.version === lastVersion : x.at >= sentAt)));
  const cpuMs = (cpuMsOf(driver.pid) ?? NaN) - cpuBefore;
  if (!kind.versioned) {
    await sleep(1_000);
    last = mine()[mine().length - 1];
  }
  return { changes: BURST_CHANGES, publications: mine().filter((x) => x.at <= last.at).length, lastToDiagnosticsMs: last.at - sentAt, cpuMs, sendMs: sentAt - t0 };
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

// ---------------------------------------------------------------------------------------------- in-process figures

interface InProcess {
  /** The YAML parse alone, warm: after warm-up runs in this process. */
  parseMs: number;
  /** The YAML parse alone, cold: the first parse of a fresh process, as a server's first file. */
  coldParseMs: number;
  analyzeMs: number;
  /** analyzeIncrementally() after one of the workload's edits, warm. */
  incrementalMs: number;
}

/** The first parse of the text in a fresh Node process (median of 3 processes); NaN where they fail. */
function coldParseMs(file: string): number {
  const script = `const {parseDocument}=require(${JSON.stringify(require.resolve('yaml'))});const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');const s=performance.now();parseDocument(t,{uniqueKeys:true,prettyErrors:false});console.log(performance.now()-s)`;
  const runs = Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 }).stdout));
  return median(runs.filter((v) => Number.isFinite(v)));
}

function inProcess(w: Workload, file: string): InProcess {
  const heavy = w.target >= 20_000;
  const parseMs = timeMedian(() => parseDocument(w.text, { uniqueKeys: true, prettyErrors: false }), heavy ? 3 : 10, heavy ? 11 : 41);
  const analyzeMs = timeMedian(() => analyze(w.text), heavy ? 2 : 5, heavy ? 7 : 21);
  let document = TextDocument.create(w.uri, OURS.languageId, 1, w.text);
  let analysis = analyzeIncrementally(document, {});
  const times: number[] = [];
  for (let i = 0; i < (heavy ? 25 : 61); i++) {
    const e = w.edit(i);
    document = TextDocument.update(document, [{ range: e.range, text: e.text }], document.version + 1);
    const t0 = performance.now();
    analysis = analyzeIncrementally(document, {}, analysis);
    if (i >= 4) times.push(performance.now() - t0);
  }
  return { parseMs, coldParseMs: coldParseMs(file), analyzeMs, incrementalMs: median(times) };
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const buildNote = ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pchat-server-bench-'));
  const results: SessionResult[] = [];
  const figures = new Map<number, InProcess>();
  const workloads = new Map<number, Workload>();
  try {
    process.stdout.write(
      `Server benchmark — Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(2)} at start${buildNote ? `; ${buildNote}` : ''}\n\n`,
    );
    for (const lines of SIZES) {
      const w = workload(lines, dir);
      workloads.set(lines, w);
      figures.set(lines, inProcess(w, fileURLToPath(w.uri)));
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

  // ------------------------------------------------------------------ the tables
  const rows = results.map((r) => [
    r.server,
    int(r.lines),
    ms(r.openMs),
    `${ms(median(r.changeMs))} (n=${r.changeMs.length}/${r.changesExpected})`,
    ms(percentile(r.changeMs, 90)),
    ms(r.changeCpuMs),
    ms(median(r.hoverMs)),
    ms(median(r.completionMs)),
    r.peakMb === undefined ? '—' : r.peakMb.toFixed(0),
  ]);
  process.stdout.write(
    table(['server', 'lines', 'open→diag ms', 'change→diag ms (median)', 'p90 ms', 'CPU/change ms', 'hover ms', 'completion ms', 'peak MB'], rows) + '\n\n',
  );
  process.stdout.write(
    table(
      ['in-process (median)', 'lines', 'kB', 'YAML parse warm ms', 'YAML parse cold ms', 'analyze() ms', 'incremental edit ms'],
      SIZES.map((n) => {
        const w = workloads.get(n);
        const f = figures.get(n);
        return ['', int(w?.lines ?? n), w ? (w.text.length / 1024).toFixed(0) : '—', ms(f?.parseMs), ms(f?.coldParseMs), ms(f?.analyzeMs), ms(f?.incrementalMs)];
      }),
    ) + '\n\n',
  );
  const bursts = results.filter((r) => r.burst);
  if (bursts.length) {
    process.stdout.write(
      table(
        ['burst at 2,000 lines', 'changes', 'sent in ms', 'publications', 'last change→diag ms', 'server CPU ms', '≈ analyses (CPU / CPU per lone change)'],
        bursts.map(({ server, burst: b, changeCpuMs }) => [server, `${b!.changes}`, ms(b!.sendMs), `${b!.publications}`, ms(b!.lastToDiagnosticsMs), ms(b!.cpuMs), changeCpuMs ? (b!.cpuMs / changeCpuMs).toFixed(1) : '—']),
      ) + '\n\n',
    );
  }

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
      details.push(`${r.server} @ ${int(r.lines)}: change→diag is ${ms(gap)} ms above change→hover: time the validation waits in the server's scheduler (server/src/lsp/validationScheduler.ts) rather than computes`);
    }
  const find = (server: string, lines: number) => results.find((r) => r.server === server && r.lines === workloads.get(lines)?.lines);
  const yls2000 = find(YLS.name, 2_000);
  if (yls2000?.changeMs.length)
    details.push(`yaml-language-server waits a fixed 200 ms before validating: its change→diag at 2,000 lines less that delay is ${ms(median(yls2000.changeMs) - 200)} ms.`);
  if (details.length) process.stdout.write(details.map((d) => `  ${d}`).join('\n') + '\n\n');

  // ------------------------------------------------------------------ goals
  const complete = (r: SessionResult | undefined) => !!r && r.changeMs.length === r.changesExpected;
  /** A goal: met or not, measured or not, our figure, the anchor's (yaml-language-server's or the parse) and by how much it is missed. */
  const goals: { label: string; value: number; limit: number; measured: boolean; figure: string; anchor: string }[] = [];
  for (const lines of SIZES) {
    const [ours, yls] = [find(OURS.name, lines), find(YLS.name, lines)];
    const [value, anchor] = [median(ours?.changeMs ?? []), median(yls?.changeMs ?? [])];
    goals.push({
      label: `${int(lines)} lines: change→diag ≤ ${GOAL_VS_YLS[lines]} × yaml-language-server's`,
      value,
      limit: GOAL_VS_YLS[lines] * anchor,
      measured: complete(ours) && complete(yls),
      figure: `${ms(value)} ms = ${(value / anchor).toFixed(2)} ×`,
      anchor: `yaml-language-server ${ms(anchor)} ms`,
    });
  }
  const [ours20k, yls20k] = [find(OURS.name, 20_000), find(YLS.name, 20_000)];
  for (const [what, key] of [['hover', 'hoverMs'], ['completion', 'completionMs']] as const) {
    const value = median(ours20k?.[key] ?? []);
    goals.push({
      label: `20,000 lines: ${what} < ${GOAL_REQUEST_MS} ms`,
      value,
      limit: GOAL_REQUEST_MS,
      measured: (ours20k?.[key].length ?? 0) > 0,
      figure: `${ms(value)} ms`,
      anchor: `yaml-language-server ${ms(median(yls20k?.[key] ?? []))} ms`,
    });
  }
  goals.push({
    label: `20,000 lines: peak memory ≤ ${GOAL_PEAK_MB_AT_20000} MB`,
    value: ours20k?.peakMb ?? NaN,
    limit: GOAL_PEAK_MB_AT_20000,
    measured: ours20k?.peakMb !== undefined,
    figure: `${ours20k?.peakMb?.toFixed(0) ?? '—'} MB`,
    anchor: `yaml-language-server ${yls20k?.peakMb?.toFixed(0) ?? '—'} MB`,
  });
  const parse20k = figures.get(20_000);
  const open20k = ours20k?.openMs ?? NaN;
  goals.push({
    label: `20,000 lines: open→diag ≤ ${GOAL_OPEN_PARSE_MULTIPLE_AT_20000} × the YAML parse alone (warm)`,
    value: open20k,
    limit: GOAL_OPEN_PARSE_MULTIPLE_AT_20000 * (parse20k?.parseMs ?? NaN),
    measured: ours20k?.openMs !== undefined,
    figure: `${ms(open20k)} ms = ${(open20k / (parse20k?.parseMs ?? NaN)).toFixed(2)} × ${ms(parse20k?.parseMs)} ms; ${(open20k / (parse20k?.coldParseMs ?? NaN)).toFixed(2)} × the cold parse, ${ms(parse20k?.coldParseMs)} ms`,
    anchor: `yaml-language-server ${ms(yls20k?.openMs)} ms`,
  });
  process.stdout.write('Goals (ours, then the anchor from this run)\n');
  for (const g of goals) {
    const met = g.measured && g.value <= g.limit;
    const by = g.measured && !met ? `; over the limit of ${ms(g.limit)} by ${ms(g.value - g.limit)} (${(g.value / g.limit).toFixed(2)} ×)` : `; limit ${ms(g.limit)}`;
    process.stdout.write(`  ${met ? 'PASS' : 'MISS'}  ${g.label}: ${g.measured ? g.figure : `not measured (${g.figure})`}${by} — ${g.anchor}\n`);
  }
  for (const { server, burst: b } of bursts)
    process.stdout.write(`  ----  ${server}, ${b!.changes} changes back to back at 2,000 lines: ${b!.publications} publications; the last change's diagnostics ${ms(b!.lastToDiagnosticsMs)} ms after it\n`);
  for (const r of [find(OURS.name, 2_000), ours20k])
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
