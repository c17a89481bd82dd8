/**
 * Runs one validation per document at a time and coalesces bursts of changes: a run starts as soon as the
 * event loop is free, and changes that arrive while one is pending or running are all folded into the next,
 * which reads the newest text. The server so never falls more than one run behind the typist.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Immediate>();

  constructor(private readonly run: (uri: string) => Promise<void>) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.delete(uri);
        void this.run(uri);
      }),
    );
  }

  cancel(uri: string): void {
    clearImmediate(this.pending.get(uri));
    this.pending.delete(uri);
  }
}
