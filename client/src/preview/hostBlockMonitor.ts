import * as vscode from 'vscode';

/** The environment variable the end-to-end suite sets to the file the blocks are written to. */
const HOST_BLOCKS_VARIABLE = 'PCHAT_TOPOLOGY_HOST_BLOCKS';

/**
 * A time the extension host's event loop could not run a timer: when it ended (ms since the epoch), for how long, and
 * how much of it the host's process spent running (the rest, a busy machine gave the processor to others).
 */
interface HostBlock {
  at: number;
  ms: number;
  cpuMs: number;
}

/** What the desktop's extension host (Node) offers; the web's has none of it. */
interface NodeProcess {
  env: Record<string, string | undefined>;
  cpuUsage(): { user: number; system: number };
}

const TICK_MS = 10;
/** Shorter delays are a timer's ordinary lateness on a busy machine. */
const REPORTED_MS = 20;

/**
 * For the end-to-end suite: a timer every 10 ms in the extension host, whose lateness is how long something (the
 * preview, say) kept the host's event loop busy. Every block of 20 ms or more is written, as JSON, to the file
 * PCHAT_TOPOLOGY_HOST_BLOCKS names; without the variable (always, on the web) nothing runs.
 */
export function monitorHostBlocks(): vscode.Disposable {
  const process = (globalThis as { process?: NodeProcess }).process;
  const file = process?.env[HOST_BLOCKS_VARIABLE];
  if (!process || !file) return new vscode.Disposable(() => undefined);
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const blocks: HostBlock[] = [];
  let writing = Promise.resolve();
  let last = { wall: performance.now(), cpu: cpuMs() };
  const timer = setInterval(() => {
    const now = { wall: performance.now(), cpu: cpuMs() };
    const late = now.wall - last.wall - TICK_MS;
    const cpu = now.cpu - last.cpu;
    last = now;
    if (late < REPORTED_MS) return;
    blocks.push({ at: Date.now(), ms: Math.round(late), cpuMs: Math.round(cpu) });
    const text = JSON.stringify(blocks);
    writing = writing.then(() => vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(text))).then(undefined, () => undefined);
  }, TICK_MS);
  return new vscode.Disposable(() => clearInterval(timer));
}
