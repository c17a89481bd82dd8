import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers';

export const BIN = join(REPO, 'bin', 'pchat-topology.js');

export interface CliRun {
  /** null when the CLI was killed, e.g. because it hung past the timeout. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A script node loads before the CLI (`node -r`), to stand in for a failure that cannot be caused from outside. */
  preload?: string;
  /** Runs the CLI as `nobody` when the tests run as root, for whom permissions do not stop a write. */
  unprivileged?: boolean;
}

/** As root, a user that file permissions apply to; otherwise the tests' own user already is one. */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Runs the CLI; a hang (a FIFO opened, stdin waited on) fails as status null after 30 s instead of stopping the suite. */
export function cli(args: string[], options: CliOptions = {}): CliRun {
  const nodeArgs = options.preload ? ['-r', options.preload] : [];
  const run = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    input: options.input ?? '',
    env: options.env ?? process.env,
    timeout: 30_000,
    ...(options.unprivileged ? UNPRIVILEGED : {}),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs the CLI with the reading end of its stdout closed from the start, as `| head` does once it has read enough. */
export function cliWithStdoutClosed(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

/** A fresh folder that any user can read and enter. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pchat-cli-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** A copy of an example in a fresh folder (or in `dir`), under the example's name. */
export function tempCopy(example: string, dir = tempDir()): string {
  const file = join(dir, example.split('/').pop()!);
  copyFileSync(join(REPO, 'examples', example), file);
  return file;
}

/** Where a stack trace would show: a line that starts with `at`. */
export const STACK_LINE = /^\s+at /m;
