/**
 * Runs one validation per document at a time and coalesces bursts of changes: while a run is pending,
 * further changes only mark the document again, and the run reads the newest text.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private lastDurationMs = 0;

  /** Above this, the server waits as long as the last run took before the next, so that typing never queues runs. */
  private static readonly IMMEDIATE_BELOW_MS = 50;
  private static readonly MAX_DELAY_MS = 300;

  constructor(private readonly run: (uri: string) => Promise<void>) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    const delay = this.lastDurationMs < ValidationScheduler.IMMEDIATE_BELOW_MS ? 0 : Math.min(this.lastDurationMs, ValidationScheduler.MAX_DELAY_MS);
    this.pending.set(
      uri,
      setTimeout(async () => {
        this.pending.delete(uri);
        const started = performance.now();
        await this.run(uri);
        this.lastDurationMs = performance.now() - started;
      }, delay),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
  }
}
