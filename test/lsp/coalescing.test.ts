import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { generateTopology } from '../../bench/generateTopology';
import { MAX_DELAY_MS, ValidationScheduler } from '../../server/src/lsp/validationScheduler';
import type { LspClient } from './lspClient';
import { freshUri, startServer } from './util';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits until `done()` holds, or fails after `ms`. */
async function until(done: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done within ${ms} ms`);
    await sleep(5);
  }
}

describe('ValidationScheduler', () => {
  const URI = 'file:///a.topology.yaml';

  /**
   * A fake validation that records the version it saw and reports the next of `analysisMs` (the last one again
   * once they run out); `gate`, when set, holds it in flight.
   */
  function fakeDocument(...analysisMs: number[]) {
    const state = { version: 0, seen: [] as number[], inFlight: 0, mostInFlight: 0, gate: undefined as Promise<void> | undefined };
    const scheduler = new ValidationScheduler(async () => {
      state.inFlight++;
      state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
      state.seen.push(state.version);
      await state.gate;
      state.inFlight--;
      return analysisMs[Math.min(state.seen.length, analysisMs.length) - 1];
    });
    const change = () => {
      state.version++;
      scheduler.schedule(URI);
    };
    return { state, scheduler, change };
  }

  /** Runs the timers due within `ms` (mocked), then lets the runs they started finish. */
  async function elapse(t: TestContext, ms: number): Promise<void> {
    t.mock.timers.tick(ms);
    await nextTurn();
  }

  it('validates the first change at once, and a change that follows a run after that run\'s analysis time', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { state, change } = fakeDocument(150);
    change();
    await elapse(t, 0);
    assert.deepEqual(state.seen, [1]);
    change();
    await elapse(t, 149);
    assert.deepEqual(state.seen, [1]);
    await elapse(t, 1);
    assert.deepEqual(state.seen, [1, 2]);
  });

  it('validates at once a change to a document left quiet for the delay', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { state, change } = fakeDocument(20);
    change();
    await elapse(t, 0);
    const ranAt = performance.now();
    while (performance.now() - ranAt < 25) await nextTurn();
    change();
    await elapse(t, 0);
    assert.deepEqual(state.seen, [1, 2]);
  });

  it(`waits at most ${MAX_DELAY_MS} ms however slow the last analysis was`, async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { state, change } = fakeDocument(60_000);
    change();
    await elapse(t, 0);
    change();
    await elapse(t, MAX_DELAY_MS - 1);
    assert.deepEqual(state.seen, [1]);
    await elapse(t, 1);
    assert.deepEqual(state.seen, [1, 2]);
  });

  it('after a quick run (an analysis a request had computed), halves the delay rather than dropping it', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { state, change } = fakeDocument(200, 0);
    change();
    await elapse(t, 0);
    change();
    await elapse(t, 200);
    assert.deepEqual(state.seen, [1, 2]);
    change();
    await elapse(t, 99);
    assert.deepEqual(state.seen, [1, 2]);
    await elapse(t, 1);
    assert.deepEqual(state.seen, [1, 2, 3]);
  });

  it('folds 50 changes, each in its own turn of the event loop, into a few runs that end on the newest version', async () => {
    const { state, change } = fakeDocument(100);
    for (let i = 0; i < 50; i++) {
      change();
      await nextTurn();
    }
    await until(() => state.seen.at(-1) === 50);
    await sleep(300);
    assert.ok(state.seen.length <= 5, `${state.seen.length} runs: ${state.seen}`);
  });

  it('runs one validation of a document at a time, and once more for the changes that came during it', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { state, change } = fakeDocument(0);
    let release!: () => void;
    state.gate = new Promise((resolve) => (release = resolve));
    change();
    await elapse(t, 0);
    for (let i = 0; i < 10; i++) change();
    await elapse(t, 1000);
    assert.deepEqual(state.seen, [1]);
    state.gate = undefined;
    release();
    await elapse(t, 0);
    await elapse(t, 1000);
    assert.deepEqual(state.seen, [1, 11]);
    assert.equal(state.mostInFlight, 1);
  });

  it('drops the pending run of a cancelled document, and schedules nothing after its run in flight', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { state, scheduler, change } = fakeDocument(100);
    change();
    await elapse(t, 0);
    change(); // waits the delay
    scheduler.cancel(URI);
    let release!: () => void;
    state.gate = new Promise((resolve) => (release = resolve));
    change(); // a document new to the scheduler: validated at once
    await elapse(t, 0);
    change(); // would run again after the one in flight
    scheduler.cancel(URI);
    release();
    await elapse(t, 1000);
    assert.deepEqual(state.seen, [1, 3]);
  });
});

describe('LSP coalescing of a burst of changes', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.shutdown());

  it('a burst of 50 full-text changes on 2,000 lines: at most 5 validations, the last one of the last version, none going back', async (t) => {
    const text = generateTopology(2_000);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^\s+concurrentUsers: \d{4,}\s*$/.test(l));
    assert.ok(line >= 0);
    /** The text with the last digit of one concurrentUsers value made `digit`: a small real edit. */
    const edited = (digit: number) => lines.map((l, i) => (i === line ? l.trimEnd().slice(0, -1) + String(digit) : l)).join('\n');

    const uri = freshUri('burst');
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000);
    const mark = client.published(uri).length;

    const last = 51;
    await Promise.all(Array.from({ length: last - 1 }, (_, i) => client.replace(uri, i + 2, edited(i % 10))));
    await client.waitForDiagnosticsAfter(uri, mark, (p) => p.version === last, 30_000);
    await sleep(1000); // any validation still to come is counted too

    const versions = client.published(uri).map((p) => p.version!);
    const burst = versions.slice(mark);
    t.diagnostic(`versions published after the burst: ${burst.join(', ')}`);
    assert.ok(burst.length <= 5, `${burst.length} validations for 50 changes: versions ${burst}`);
    assert.equal(versions.at(-1), last);
    versions.slice(1).forEach((v, i) => assert.ok(v >= versions[i], `version ${v} published after ${versions[i]}: ${versions}`));
  });
});
