/**
 * Benchmark of the language service on generated descriptors (bench/generateTopology.ts).
 *
 *   node --import tsx bench/serviceBench.ts
 *
 * For each size it runs a fresh child process (so that peak memory belongs to that size alone) and takes
 * the median, after warm-up runs, of (a) the YAML parse alone, as the service's parse step calls it, and
 * (b) the full service run `analyze(text)`, with the ratio b/a and peak memory. A second part times the
 * stages of `analyze` one by one, wired as languageService.ts wires them (parseTopology with its toJS,
 * validateAgainstSchema, buildModel, TopologyIndex, each rule's check) at 20,000 and 100,000 lines. A third
 * part checks how each rule grows with the file, in two ways: its time alone on 4,000-, 20,000- and
 * 100,000-line files in one process (beside a control walk that is linear by construction, since this
 * machine's memory and load make even linear code grow faster than the file), and the exact number of reads
 * of the model it makes (counting proxies), which no load disturbs. A fourth part does the same for Topology
 * Builder's XML (bench/generateTopologyBuilder.ts): at 2,000 and 20,000 lines, the XML parse alone (parseXmlTree:
 * saxes and the positioned element tree the reader walks), the full read (readTopologyBuilder) and the full check
 * (analyze of a `.tbxml` document), and where the full check's time goes beyond the parse.
 *
 * It reports; it never fails: the exit code is 0 whatever the figures.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseDocument } from 'yaml';
import { YamlEdits } from '../server/src/service/edits/yamlEdits';
import { analyze, ruleInput, toDocument } from '../server/src/service/languageService';
import { judgedTopology } from '../server/src/service/model/judgedTopology';
import { readSuppressions } from '../server/src/service/suppressions';
import { buildModel } from '../server/src/service/model/buildModel';
import { TopologyIndex } from '../server/src/service/model/topologyIndex';
import { parseTopology } from '../server/src/service/parse/parseTopology';
import { ALL_RULES } from '../server/src/service/rules';
import type { Report, Rule, RuleContext } from '../server/src/service/rules/rule';
import { validateAgainstSchema } from '../server/src/service/schema/schemaValidation';
import { readTopologyBuilder } from '../server/src/service/topologyBuilder/readTopologyBuilder';
import { parseXmlTree } from '../server/src/service/topologyBuilder/xmlTree';
import { generateTopology } from './generateTopology';
import { generateTopologyBuilderXml } from './generateTopologyBuilder';

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

const SIZES = [200, 2_000, 20_000, 100_000];
const BREAKDOWN_SIZES = [20_000, 100_000];
const BREAKDOWN_FOCUS = 20_000;
const GOAL_FULL_MS_AT_2000 = 40;
const GOAL_RATIO = 1.3;
const XML_SIZES = [2_000, 20_000];
const XML_GOAL_FULL_MS_AT_2000 = 40;
const XML_GOAL_RATIO = 1.5;

/** Warm-up runs and measured runs by size: more for small files, at least 5 at 100,000 lines. */
function repetitions(lines: number): { warmup: number; runs: number } {
  if (lines <= 200) return { warmup: 30, runs: 101 };
  if (lines <= 2_000) return { warmup: 10, runs: 41 };
  if (lines <= 20_000) return { warmup: 3, runs: 9 };
  return { warmup: 2, runs: 5 };
}

/** The stage breakdown runs the pipeline fewer times: its medians need less precision. */
function breakdownRepetitions(lines: number): { warmup: number; runs: number } {
  return lines <= 20_000 ? { warmup: 2, runs: 9 } : { warmup: 1, runs: 5 };
}

// ---------------------------------------------------------------------------------------------- helpers

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 0.1 ? value.toFixed(2) : value.toFixed(3));
const int = (value: number): string => value.toLocaleString('en-US');

function table(head: string[], rows: string[][], alignLeft: number[] = [0]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------- child: one size

interface SizeResult {
  lines: number;
  /** CPU time of the child process, filled in by main(). */
  cpuSeconds: number;
  kb: number;
  warmup: number;
  runs: number;
  parseMs: number;
  parseMinMs: number;
  fullMs: number;
  fullMinMs: number;
  maxRssMb: number;
  sampledRssMb: number;
  baselineRssMb: number;
  heapUsedMb: number;
  findings: number;
  bySeverity: Record<string, number>;
  codes: string[];
}

/**
 * (a) and (b) are measured in alternation, in alternating order, so that whatever else the machine does
 * weighs on both alike. No GC is forced between runs: an editor's server runs in a warm, collected-as-it-goes heap.
 */
function measureSize(targetLines: number): Omit<SizeResult, 'cpuSeconds'> {
  const baselineRss = process.memoryUsage().rss;
  const text = generateTopology(targetLines);
  const { warmup, runs } = repetitions(targetLines);
  let sampledRss = 0;
  const parse = () => parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const full = () => analyze(text);
  const time = (fn: () => unknown) => {
    const start = performance.now();
    fn();
    const elapsed = performance.now() - start;
    sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
    return elapsed;
  };
  for (let i = 0; i < warmup; i++) {
    parse();
    full();
  }
  const parseTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      parseTimes.push(time(parse));
      fullTimes.push(time(full));
    } else {
      fullTimes.push(time(full));
      parseTimes.push(time(parse));
    }
  }
  const findings = analyze(text).findings;
  const bySeverity: Record<string, number> = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  (globalThis as { gc?: () => void }).gc?.();
  return {
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    kb: Buffer.byteLength(text) / 1024,
    warmup,
    runs,
    parseMs: median(parseTimes),
    parseMinMs: Math.min(...parseTimes),
    fullMs: median(fullTimes),
    fullMinMs: Math.min(...fullTimes),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sampledRssMb: sampledRss / 1024 / 1024,
    baselineRssMb: baselineRss / 1024 / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    findings: findings.length,
    bySeverity,
    codes: [...new Set(findings.map((f) => f.code))].sort(),
  };
}

// ---------------------------------------------------------------------------------------------- child: stage breakdown

interface BreakdownResult {
  lines: number;
  /** CPU time of the child process, filled in by main(). */
  cpuSeconds: number;
  runs: number;
  stages: { name: string; ms: number }[];
  /** Per rule: median ms of its check within the pipeline runs, and per call when called alone in a loop on the same context. */
  rules: { id: string; ms: number; isolatedMs: number }[];
  /** Only at the largest scaling size: per-call ms of each rule (and of the control walk) alone on each SCALING_SIZES file, in one process. */
  scaling?: { lines: number[]; rows: { id: string; ms: number[]; reads: number[] }[]; countedFindings: number };
}

const SCALING_SIZES = [4_000, 20_000, 100_000];
const CONTROL = '(control: linear walk of the model)';

/**
 * A walk over every entity, field and hosted database of the model, touching them as rules do: linear by
 * construction. Its growth with the file is what memory and the machine add to a linear rule; a rule is
 * non-linear only when it grows clearly faster than this walk.
 */
function controlWalk(context: RuleContext): number {
  const { topology, index } = context;
  let sum = 0;
  const touch = (field: { value: unknown; span: { start: number } } | undefined) => {
    if (field) sum += field.span.start + (typeof field.value === 'string' ? field.value.length : 1);
  };
  for (const site of topology.sites) touch(site.id);
  for (const store of topology.sqlStores) [store.id, store.fqdn, store.instance, store.edition, store.site, store.dataCenter, store.alwaysOn].forEach(touch);
  for (const store of topology.fileStores) [store.id, store.fqdn, store.share, store.site].forEach(touch);
  for (const pool of topology.frontEndPools) {
    [pool.id, pool.edition, pool.fqdn, pool.site, pool.backEnd, pool.fileStore].forEach(touch);
    pool.servers.forEach(touch);
  }
  for (const pool of topology.persistentChatPools) {
    [pool.id, pool.fqdn, pool.site, pool.deployment, pool.nextHop, pool.sipPort, pool.poolPort, pool.concurrentUsers, pool.provisionedUsers, pool.fileStore].forEach(touch);
    for (const server of pool.servers) [server.fqdn, server.state, server.dataCenter].forEach(touch);
    for (const placement of [pool.database, pool.compliance]) if (placement) [placement.store, placement.mirror, placement.backup, placement.backupMirror].forEach(touch);
  }
  for (const ref of topology.references) if (index.entity(ref.field.value)) touch(ref.field);
  for (const db of index.databases) touch(db.ref);
  return sum;
}

/**
 * The same context, but with the model behind counting proxies: every read of a property or an element of the
 * model's plain objects and arrays (entities, fields, lists, hosted databases) counts one. The count of one
 * rule's check is a measure of its work that no machine load or memory layout disturbs. Maps, Sets, strings and
 * YAML nodes are not counted. The index is rebuilt over the proxied model, so that identities stay consistent.
 */
function countingContext(context: RuleContext): { readsOf(rule: Rule): number; findings: () => number } {
  let reads = 0;
  let findings = 0;
  const proxies = new WeakMap<object, object>();
  const countable = (value: unknown): value is object =>
    typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  const wrap = <T>(value: T): T => {
    if (!countable(value)) return value;
    let proxy = proxies.get(value);
    if (!proxy) {
      proxy = new Proxy(value, {
        get(target, key, receiver) {
          reads++;
          return wrap(Reflect.get(target, key, receiver));
        },
      });
      proxies.set(value, proxy);
    }
    return proxy as T;
  };
  const topology = wrap(context.topology);
  const rawIndex = new TopologyIndex(topology);
  // The index's own fields and method results are handed out wrapped; its methods run on the index itself.
  const index = new Proxy(rawIndex, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? (...args: unknown[]) => wrap(value.apply(target, args)) : wrap(value);
    },
  });
  const counted: RuleContext = { ...context, topology, index, report: () => void findings++ };
  return {
    findings: () => findings,
    readsOf(rule) {
      reads = 0;
      rule.check(counted);
      return reads;
    },
  };
}

/** The control walk, called like a rule. */
const controlRule = { id: CONTROL, check: (context: RuleContext) => void controlWalk(context) } as unknown as Rule;

/** The context analyze() gives the rules, built the same way. */
function contextFor(text: string): RuleContext {
  return { ...ruleInput(toDocument(text)).context, report: () => undefined };
}

/** Milliseconds per call of `calls` calls in a row. */
function batch(rule: Rule, context: RuleContext, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) rule.check(context);
  return (performance.now() - start) / calls;
}

/** How many calls in a row take at least 4 ms (at most 4,096), after a short warm-up. */
function calibrate(rule: Rule, context: RuleContext): number {
  batch(rule, context, 3);
  let calls = 1;
  while (calls < 4096 && batch(rule, context, calls) * calls < 4) calls *= 2;
  return calls;
}

/** Median ms per call of a rule called alone, repeatedly, on one context. */
function perCall(rule: Rule, context: RuleContext): number {
  const calls = calibrate(rule, context);
  return median(Array.from({ length: 5 }, () => batch(rule, context, calls)));
}

const STAGE_PARSE = 'parseTopology';
const STAGE_YAML = '  of which parseDocument';
const STAGE_TOJS = '  of which toJS';
const STAGE_RULES = `rules (all ${ALL_RULES.length})`;

/** Times the stages of analyze() one by one, wired as languageService.ts wires them. */
function measureBreakdown(targetLines: number): Omit<BreakdownResult, 'cpuSeconds'> {
  const text = generateTopology(targetLines);
  const { warmup, runs } = breakdownRepetitions(targetLines);
  const samples = new Map<string, number[]>();
  const record = (name: string, value: number) => {
    const list = samples.get(name);
    if (list) list.push(value);
    else samples.set(name, [value]);
  };
  const timed = <T>(name: string, fn: () => T, keep: boolean): T => {
    const start = performance.now();
    const result = fn();
    if (keep) record(name, performance.now() - start);
    return result;
  };
  const ruleTimes = new Map<string, number[]>(ALL_RULES.map((r) => [r.id, []]));
  let lastContext: RuleContext | undefined;

  const once = (keep: boolean) => {
    const document = timed('toDocument (TextDocument)', () => toDocument(text), keep);
    const source = document.getText();
    const parsed = timed(STAGE_PARSE, () => parseTopology(source), keep);
    // parseTopology split: the YAML parse alone, as it calls it (only at the focus size, where the split is
    // printed: a second parse per run costs seconds at 100,000 lines), and toJS again on the same document.
    if (targetLines === BREAKDOWN_FOCUS) timed(STAGE_YAML, () => parseDocument(source, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }), keep);
    timed(STAGE_TOJS, () => parsed.yaml.toJS({ maxAliasCount: 100 }), keep);
    const judged = parsed.syntaxProblems.length === 0;
    const schema = timed('validateAgainstSchema (ajv)', () => (judged ? validateAgainstSchema(parsed.yaml, source, parsed.data) : { problems: [], faulted: new Set<string>() }), keep);
    const topology = timed('buildModel', () => buildModel(parsed.yaml, source, schema.faulted, judged), keep);
    const index = timed('new TopologyIndex', () => new TopologyIndex(topology), keep);
    timed('judgedTopology', () => judgedTopology(topology), keep);
    const edits = timed('new YamlEdits', () => new YamlEdits(parsed.yaml, source, parsed.eol), keep);
    const suppressions = timed('readSuppressions', () => readSuppressions(source, RULE_IDS, (offset) => document.positionAt(offset).line), keep);
    const reports: Report[] = [];
    const context: RuleContext = { text: source, syntaxProblems: parsed.syntaxProblems, notUnderstood: [], schema, topology, index, edits, suppressions, ruleIds: RULE_IDS, report: (r: Report) => reports.push(r) };
    let rulesTotal = 0;
    for (const rule of ALL_RULES) {
      const start = performance.now();
      rule.check(context);
      const elapsed = performance.now() - start;
      rulesTotal += elapsed;
      if (keep) ruleTimes.get(rule.id)!.push(elapsed);
    }
    if (keep) record(STAGE_RULES, rulesTotal);
    lastContext = context;
  };
  for (let i = 0; i < warmup; i++) once(false);
  for (let i = 0; i < runs; i++) once(true);

  // Each rule alone, many calls in a row on the last context: its steady cost, free of what ran before it.
  const isolated = new Map<string, number>(ALL_RULES.map((rule) => [rule.id, perCall(rule, lastContext!)]));

  // At the largest size, each rule alone on this context and on the context of a smaller file, built in this same
  // process and measured in alternation: the heap, the GC and the machine's load are then the same for both, so the
  // ratio of the two shows how the rule itself grows with the file.
  let scaling: BreakdownResult['scaling'];
  if (targetLines === SCALING_SIZES[SCALING_SIZES.length - 1]) {
    const contexts = SCALING_SIZES.map((lines) => (lines === targetLines ? lastContext! : contextFor(generateTopology(lines))));
    const counting = contexts.map(countingContext);
    scaling = {
      lines: SCALING_SIZES,
      rows: [controlRule, ...ALL_RULES].map((rule) => {
        const calls = contexts.map((context) => calibrate(rule, context));
        const times: number[][] = contexts.map(() => []);
        for (let b = 0; b < 7; b++) contexts.forEach((context, i) => times[i].push(batch(rule, context, calls[i])));
        return { id: rule.id, ms: times.map(median), reads: counting.map((c) => c.readsOf(rule)) };
      }),
      countedFindings: 0,
    };
    // The proxies must not change what the rules find (none, on these files): a finding here would mean skewed counts.
    scaling.countedFindings = counting.reduce((sum, c) => sum + c.findings(), 0);
  }

  return {
    lines: targetLines,
    runs,
    stages: [...samples].map(([name, values]) => ({ name, ms: median(values) })),
    rules: [...ruleTimes].map(([id, values]) => ({ id, ms: median(values), isolatedMs: isolated.get(id)! })),
    scaling,
  };
}

// ---------------------------------------------------------------------------------------------- child: Topology Builder XML

interface XmlSizeResult {
  lines: number;
  /** CPU time of the child process, filled in by main(). */
  cpuSeconds: number;
  kb: number;
  warmup: number;
  runs: number;
  /** Median and minimum ms of the XML parse alone (a), the full read (r) and the full check (b). */
  parse: { ms: number; minMs: number };
  read: { ms: number; minMs: number };
  full: { ms: number; minMs: number };
  /** Median ms of the full check's first stage alone: ruleInput (the read, the index, the judged model). */
  ruleInputMs: number;
  /** Median ms of each rule's check on that input. */
  rules: { id: string; ms: number }[];
  findings: number;
  bySeverity: Record<string, number>;
  codes: string[];
}

/**
 * (a), (r) and (b) in turn, the order rotating from one run to the next so that whatever else the machine does
 * weighs on all three alike; then the stages of (b) one by one: ruleInput, and each rule's check on its context.
 */
function measureTopologyBuilder(targetLines: number): Omit<XmlSizeResult, 'cpuSeconds'> {
  const text = generateTopologyBuilderXml(targetLines);
  const uri = 'file:///generated.tbxml';
  const { warmup, runs } = repetitions(targetLines);
  const steps: [string, () => unknown][] = [
    ['parse', () => parseXmlTree(text)],
    ['read', () => readTopologyBuilder(text, 'generated')],
    ['full', () => analyze(toDocument(text, uri))],
  ];
  const times = new Map<string, number[]>(steps.map(([name]) => [name, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (let k = 0; k < steps.length; k++) {
      const [name, fn] = steps[(i + k) % steps.length];
      const start = performance.now();
      fn();
      if (i >= warmup) times.get(name)!.push(performance.now() - start);
    }
  }
  const summary = (name: string) => ({ ms: median(times.get(name)!), minMs: Math.min(...times.get(name)!) });

  const ruleInputTimes: number[] = [];
  const ruleTimes = new Map<string, number[]>(ALL_RULES.map((r) => [r.id, []]));
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    const { context } = ruleInput(toDocument(text, uri));
    ruleInputTimes.push(performance.now() - start);
    for (const rule of ALL_RULES) {
      start = performance.now();
      rule.check({ ...context, report: () => undefined });
      ruleTimes.get(rule.id)!.push(performance.now() - start);
    }
  }

  const findings = analyze(toDocument(text, uri)).findings;
  const bySeverity: Record<string, number> = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  return {
    lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    kb: Buffer.byteLength(text) / 1024,
    warmup,
    runs,
    parse: summary('parse'),
    read: summary('read'),
    full: summary('full'),
    ruleInputMs: median(ruleInputTimes),
    rules: [...ruleTimes].map(([id, values]) => ({ id, ms: median(values) })),
    findings: findings.length,
    bySeverity,
    codes: [...new Set(findings.map((f) => f.code))].sort(),
  };
}

// ---------------------------------------------------------------------------------------------- parent

type Job = { kind: 'size' | 'breakdown' | 'topologyBuilder'; lines: number };

function runChild<T>(job: Job): T | undefined {
  const result = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', __filename, '--child', JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  if (result.status !== 0 || !line) {
    console.log(`  ! child for ${job.kind} at ${job.lines} lines failed (status ${result.status}${result.error ? `, ${result.error.message}` : ''})`);
    return undefined;
  }
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

const loadAverage = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

function parent(): void {
  const started = performance.now();
  console.log(`pchat-topology service benchmark — Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${loadAverage()}`);
  console.log('Each size runs in a fresh child process; times are medians (and minimums) after warm-up runs.');
  const loadedAtStart = loadavg()[0] > cpus().length;
  if (loadedAtStart) console.log(`! The machine is loaded (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs): times are inflated and noisy; compare ratios and the read counts.`);
  console.log('');

  // Part 1: parse vs full run, by size.
  const results: SizeResult[] = [];
  for (const lines of SIZES) {
    console.log(`  measuring ${int(lines)} lines…`);
    const r = runChild<SizeResult>({ kind: 'size', lines });
    if (r) results.push(r);
  }
  console.log('\nYAML parse alone (a) vs full service run analyze() (b)');
  console.log(
    table(
      ['lines', 'KB', 'runs', 'parse ms (a)', 'full ms (b)', 'b/a', 'min a', 'min b', 'min b/a', 'peak RSS MB', 'sampled RSS MB', 'heapUsed MB', 'findings'],
      results.map((r) => [
        int(r.lines),
        r.kb.toFixed(0),
        `${r.warmup}+${r.runs}`,
        ms(r.parseMs),
        ms(r.fullMs),
        (r.fullMs / r.parseMs).toFixed(2),
        ms(r.parseMinMs),
        ms(r.fullMinMs),
        (r.fullMinMs / r.parseMinMs).toFixed(2),
        r.maxRssMb.toFixed(1),
        r.sampledRssMb.toFixed(1),
        r.heapUsedMb.toFixed(1),
        r.findings === 0 ? '0' : `${r.findings} (${Object.entries(r.bySeverity).map(([sev, n]) => `${n} ${sev}`).join(', ')}: ${r.codes.join(' ')})`,
      ]),
      [12],
    ),
  );
  console.log('runs = warm-up + measured, (a) and (b) alternating; peak RSS = process.resourceUsage().maxRSS of the child (Node + tsx + text + runs);');
  console.log(`sampled RSS = max process.memoryUsage().rss after each measured run; heapUsed = after the runs and a GC. Child RSS before generating the text: ${results.map((r) => r.baselineRssMb.toFixed(0)).join(' / ')} MB.`);

  // Part 2: where the time goes.
  const breakdowns: BreakdownResult[] = [];
  for (const lines of BREAKDOWN_SIZES) {
    console.log(`  breaking down ${int(lines)} lines…`);
    const b = runChild<BreakdownResult>({ kind: 'breakdown', lines });
    if (b) breakdowns.push(b);
  }
  const focus = breakdowns.find((b) => b.lines === BREAKDOWN_FOCUS);
  if (focus) {
    const stage = (name: string) => focus.stages.find((st) => st.name === name)?.ms ?? 0;
    const sumOfStages = focus.stages.filter((st) => st.name !== STAGE_TOJS && st.name !== STAGE_YAML).reduce((sum, st) => sum + st.ms, 0);
    const rows = focus.stages.map((st) => [st.name, ms(st.ms), `${((st.ms / sumOfStages) * 100).toFixed(1)}%`]);
    const at = rows.findIndex((r) => r[0] === STAGE_TOJS) + 1;
    const rest = stage(STAGE_PARSE) - stage(STAGE_YAML) - stage(STAGE_TOJS);
    rows.splice(at, 0, ['  of which the rest (pre-checks, errors; by difference)', ms(rest), `${((rest / sumOfStages) * 100).toFixed(1)}%`]);
    const whole = results.find((r) => r.lines === focus.lines);
    rows.push(['sum of stages', ms(sumOfStages), '100%']);
    if (whole) rows.push(['analyze() as a whole (part 1, median)', ms(whole.fullMs), '']);
    console.log(`\nWhere the time goes in the full run at ${int(focus.lines)} lines (median of ${focus.runs} pipeline runs per stage)`);
    console.log(table(['stage', 'ms', '% of stages'], rows));

    const rulesSum = focus.rules.reduce((sum, r) => sum + r.ms, 0);
    const top = [...focus.rules].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`\nTop 5 slowest rules at ${int(focus.lines)} lines (in the pipeline; 'alone' = per call, called repeatedly on the same context)`);
    console.log(table(['rule', 'ms', '% of rules', 'alone ms'], top.map((r) => [r.id, ms(r.ms), `${((r.ms / rulesSum) * 100).toFixed(1)}%`, ms(r.isolatedMs)])));
  }

  // Part 3: growth with size (separate processes). k in time ∝ lines^k, between the two breakdown sizes: 1 is linear.
  if (breakdowns.length >= 2) {
    const mid = breakdowns[breakdowns.length - 2];
    const large = breakdowns[breakdowns.length - 1];
    const k = (a: number | undefined, b: number | undefined) => (a && b ? Math.log(b / a) / Math.log(large.lines / mid.lines) : NaN);
    const fmtK = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(2));
    const stageRows = large.stages.map((st) => {
      const t = breakdowns.map((b) => b.stages.find((x) => x.name === st.name)?.ms ?? NaN);
      return [st.name.trim(), ...t.map(ms), ((st.ms / large.lines) * 1000).toFixed(3), fmtK(k(t[t.length - 2], t[t.length - 1]))];
    });
    console.log(`\nGrowth of the stages: median ms at ${breakdowns.map((b) => int(b.lines)).join(' / ')} lines; k = exponent of time ∝ lines^k from ${int(mid.lines)} to ${int(large.lines)} (1 = linear)`);
    console.log(table(['stage', ...breakdowns.map((b) => int(b.lines)), `µs/line`, 'k'], stageRows));
  }

  // A rule is called non-linear when, alone and in the same process, it grows clearly faster than the control walk
  // (k more than K_EXCESS above the control's k) over both steps, and matters (≥ MIN_MS per call at the largest size).
  const scaling = breakdowns.find((b) => b.scaling)?.scaling;
  const nonLinear: string[] = [];
  if (scaling) {
    const K_EXCESS = 0.3;
    const READS_K_EXCESS = 0.1;
    const MIN_MS = 0.2;
    const timeOnly: string[] = [];
    const L = scaling.lines;
    const steps = L.slice(1).map((lines, i) => ({ from: L[i], to: lines }));
    const kOf = (t: number[], i: number) => Math.log(t[i + 1] / t[i]) / Math.log(L[i + 1] / L[i]);
    const control = scaling.rows.find((r) => r.id === CONTROL)!;
    const controlK = steps.map((_, i) => kOf(control.ms, i));
    const inPipeline = focus ? new Map(focus.rules.map((r) => [r.id, r.ms])) : new Map<string, number>();
    const fmtK = (k: number) => (Number.isFinite(k) ? k.toFixed(2) : '–');
    const controlReadsK = steps.map((_, i) => kOf(control.reads, i));
    if (scaling.countedFindings) console.log(`  ! the rules reported ${scaling.countedFindings} findings under the counting proxies: read counts may be skewed.`);
    const rows = scaling.rows.map((r) => {
      const ks = steps.map((_, i) => kOf(r.ms, i));
      const readsK = steps.map((_, i) => kOf(r.reads, i));
      const faster = ks.every((k, i) => k - controlK[i] > K_EXCESS);
      // Work (reads) is exact: a rule does more than linear work when its reads grow clearly faster than the control's.
      const moreWork = readsK.some((k, i) => k - controlReadsK[i] > READS_K_EXCESS);
      const last = r.ms[r.ms.length - 1];
      const verdict =
        r.id === CONTROL ? '' : moreWork ? 'NON-LINEAR work' : faster ? (last >= MIN_MS ? 'time only (work linear)' : '') : '';
      if (moreWork) nonLinear.push(`${r.id} (reads k ${readsK.map(fmtK).join(' / ')})`);
      if (faster && !moreWork && last >= MIN_MS && r.id !== CONTROL) timeOnly.push(`${r.id} (time k ${ks.map(fmtK).join(' / ')} vs control ${controlK.map(fmtK).join(' / ')})`);
      return [r.id, ...r.ms.map(ms), ...ks.map(fmtK), ...r.reads.map(int), ...readsK.map(fmtK), r.id === CONTROL ? '' : ms(inPipeline.get(r.id) ?? NaN), verdict];
    });
    console.log(
      `\nGrowth of each rule: ms per call, each rule alone, called repeatedly, on the ${L.map(int).join(' / ')}-line files, all in one process and measured in alternation.` +
        `\nk = exponent of time ∝ lines^k over each step (1 = linear). The control row is a walk over the whole model, linear by construction:` +
        `\nits k shows what memory layout and the machine add. 'reads' = reads of the model's objects and arrays during one check (exact, load-free),` +
        `\nand their k. Last column: ms of the rule within the pipeline at ${int(BREAKDOWN_FOCUS)} lines.`,
    );
    console.log(
      table(
        [
          'rule',
          ...L.map((l) => `ms @${int(l / 1000)}k`),
          ...steps.map((st) => `k ${int(st.from / 1000)}k→${int(st.to / 1000)}k`),
          ...L.map((l) => `reads @${int(l / 1000)}k`),
          ...steps.map((st) => `reads k ${int(st.from / 1000)}k→${int(st.to / 1000)}k`),
          `pipeline ms @${int(BREAKDOWN_FOCUS / 1000)}k`,
          '',
        ],
        rows,
      ),
    );
    console.log(
      nonLinear.length
        ? `Non-linear work (reads grow with k more than ${READS_K_EXCESS} above the control's ${controlReadsK.map(fmtK).join(' / ')}): ${nonLinear.join('; ')}`
        : `Non-linear work: none — every rule's reads grow like the control's (reads k ${controlReadsK.map(fmtK).join(' / ')}).`,
    );
    console.log(
      timeOnly.length
        ? `Time grows faster than the control (k more than ${K_EXCESS} above it on every step, ≥ ${MIN_MS} ms at ${int(L[L.length - 1])} lines) though the work is linear: ${timeOnly.join('; ')}`
        : `No rule's time grows more than ${K_EXCESS} in k above the control's on every step (among rules of ${MIN_MS} ms or more at ${int(L[L.length - 1])} lines).`,
    );
  }

  // Part 4: Topology Builder XML.
  const xml: XmlSizeResult[] = [];
  for (const lines of XML_SIZES) {
    console.log(`  measuring Topology Builder XML, ${int(lines)} lines…`);
    const r = runChild<XmlSizeResult>({ kind: 'topologyBuilder', lines });
    if (r) xml.push(r);
  }
  console.log('\nTopology Builder XML (saved form): XML parse alone parseXmlTree (a), full read readTopologyBuilder (r), full check analyze() of a .tbxml (b)');
  console.log(
    table(
      ['lines', 'KB', 'runs', 'parse ms (a)', 'read ms (r)', 'full ms (b)', 'r/a', 'b/a', 'min a', 'min r', 'min b', 'min b/a', 'findings'],
      xml.map((r) => [
        int(r.lines),
        r.kb.toFixed(0),
        `${r.warmup}+${r.runs}`,
        ms(r.parse.ms),
        ms(r.read.ms),
        ms(r.full.ms),
        (r.read.ms / r.parse.ms).toFixed(2),
        (r.full.ms / r.parse.ms).toFixed(2),
        ms(r.parse.minMs),
        ms(r.read.minMs),
        ms(r.full.minMs),
        (r.full.minMs / r.parse.minMs).toFixed(2),
        r.findings === 0 ? '0' : `${r.findings} (${Object.entries(r.bySeverity).map(([sev, n]) => `${n} ${sev}`).join(', ')}: ${r.codes.join(' ')})`,
      ]),
      [12],
    ),
  );
  const xmlFocus = xml[xml.length - 1];
  if (xmlFocus) {
    const rulesMs = xmlFocus.rules.reduce((sum, r) => sum + r.ms, 0);
    const row = (stage: string, value: number) => [stage, ms(value), (value / xmlFocus.parse.ms).toFixed(2)];
    const top = [...xmlFocus.rules].sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(`\nWhere the full check's time goes at ${int(xmlFocus.lines)} XML lines (medians; the rows by difference need not add up exactly)`);
    console.log(
      table(
        ['stage', 'ms', '÷ (a)'],
        [
          row('XML parse alone, parseXmlTree (a)', xmlFocus.parse.ms),
          row('the reader beyond the parse: its document and model (r − a)', xmlFocus.read.ms - xmlFocus.parse.ms),
          row('the index and the judged model (ruleInput alone − r)', xmlFocus.ruleInputMs - xmlFocus.read.ms),
          row(`rules (all ${ALL_RULES.length}, each timed alone)`, rulesMs),
          ...top.map((r) => row(`  of which ${r.id}`, r.ms)),
          row('the rest of analyze(): findings, sorting (b − ruleInput − rules)', xmlFocus.full.ms - xmlFocus.ruleInputMs - rulesMs),
          row('full check analyze() (b)', xmlFocus.full.ms),
        ],
      ),
    );
  }

  // Goals.
  console.log('\nGoals (judged on medians)');
  const at2000 = results.find((r) => r.lines === 2_000);
  const goals: [string, boolean | undefined, string][] = [
    [`full run at 2,000 lines < ${GOAL_FULL_MS_AT_2000} ms`, at2000 && at2000.fullMs < GOAL_FULL_MS_AT_2000, at2000 ? `median ${ms(at2000.fullMs)} ms, min ${ms(at2000.fullMinMs)} ms` : 'not measured'],
    ...results.map((r): [string, boolean, string] => [
      `full ≤ ${GOAL_RATIO} × parse at ${int(r.lines)} lines`,
      r.fullMs <= GOAL_RATIO * r.parseMs,
      `median ${(r.fullMs / r.parseMs).toFixed(2)} ×, min ${(r.fullMinMs / r.parseMinMs).toFixed(2)} ×`,
    ]),
    ['no error or warning on the generated files', results.every((r) => !r.bySeverity.error && !r.bySeverity.warning), results.map((r) => `${int(r.lines)}: ${r.findings} findings`).join(', ')],
  ];
  const xmlAt2000 = xml.find((r) => r.lines === 2_000);
  goals.push(
    [`XML full check at 2,000 lines < ${XML_GOAL_FULL_MS_AT_2000} ms`, xmlAt2000 && xmlAt2000.full.ms < XML_GOAL_FULL_MS_AT_2000, xmlAt2000 ? `median ${ms(xmlAt2000.full.ms)} ms, min ${ms(xmlAt2000.full.minMs)} ms` : 'not measured'],
    ...xml.map((r): [string, boolean, string] => [
      `XML full check ≤ ${XML_GOAL_RATIO} × XML parse at ${int(r.lines)} lines`,
      r.full.ms <= XML_GOAL_RATIO * r.parse.ms,
      `median ${(r.full.ms / r.parse.ms).toFixed(2)} ×, min ${(r.full.minMs / r.parse.minMs).toFixed(2)} ×`,
    ]),
    ['no error or warning on the generated XML files', xml.length > 0 && xml.every((r) => !r.bySeverity.error && !r.bySeverity.warning), xml.map((r) => `${int(r.lines)}: ${r.findings} findings`).join(', ') || 'not measured'],
  );
  for (const [goal, ok, figure] of goals) console.log(`  ${ok === undefined ? 'N/A ' : ok ? 'PASS' : 'MISS'}  ${goal}  (${figure})`);
  if (loadedAtStart || loadavg()[0] > cpus().length) console.log(`  (The machine was loaded during the run, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs at the end: PASS/MISS on times is not conclusive.)`);
  const cpuSeconds = [...results, ...breakdowns, ...xml].reduce((sum, r) => sum + r.cpuSeconds, 0);
  console.log(`\nBenchmark took ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s of CPU in the children; load average at the end ${loadAverage()}.`);
}

// ---------------------------------------------------------------------------------------------- entry

function main(): void {
  const at = process.argv.indexOf('--child');
  if (at < 0) {
    parent();
    return;
  }
  const job = JSON.parse(process.argv[at + 1]) as Job;
  const measured = job.kind === 'size' ? measureSize(job.lines) : job.kind === 'breakdown' ? measureBreakdown(job.lines) : measureTopologyBuilder(job.lines);
  const cpu = process.cpuUsage();
  const result = { ...measured, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

try {
  main();
} catch (error) {
  console.log(`benchmark error: ${(error as Error).stack ?? error}`);
}
process.exitCode = 0;
