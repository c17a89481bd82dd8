/** Validates a document's current text; resolves with the milliseconds its analysis took, and never rejects. */
export type Validation = (uri: string) => Promise<number>;

/** The longest a change waits before its validation starts, however slow the last analysis was. */
export const MAX_DELAY_MS = 250;

interface DocumentSchedule {
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  /** A change came while a run was in flight: validate again once it is over. */
  again: boolean;
  delayMs: number;
  /** When the document last changed or a run of it ended (performance.now()). */
  activeAt: number;
}

/**
 * Coalesces bursts of changes into few validations, one run per document at a time. The LSP connection handles
 * each message in its own turn of the event loop, so a run started at once would start between two changes of a
 * burst. A change to a document quiet for the delay is validated at once; any other starts a timer of the delay,
 * about the document's last analysis time (capped at MAX_DELAY_MS): the changes that arrive meanwhile, or while
 * a run is in flight, fold into the next run, which reads the newest text. A lone edit so waits for nothing, a
 * burst costs about two runs (its first change and its newest text), and a large file is validated at most about
 * every other analysis time while the typist goes on. The delay rises at once with a slower analysis and falls
 * by half per run, so that one quick run (an analysis a request had already computed) does not reset it.
 *
 * Only setTimeout is used: the server also runs in a web worker.
 */
export class ValidationScheduler {
  private readonly documents = new Map<string, DocumentSchedule>();

  constructor(private readonly validate: Validation) {}

  schedule(uri: string): void {
    let document = this.documents.get(uri);
    if (!document) this.documents.set(uri, (document = { running: false, again: false, delayMs: 0, activeAt: -Infinity }));
    const now = performance.now();
    if (document.running) document.again = true;
    else if (document.timer === undefined) {
      const quiet = now - document.activeAt >= document.delayMs;
      document.timer = setTimeout(() => void this.run(uri, document), quiet ? 0 : document.delayMs);
    }
    document.activeAt = now;
  }

  /** Forgets the document: its pending run is dropped, and a run in flight schedules nothing after it. */
  cancel(uri: string): void {
    clearTimeout(this.documents.get(uri)?.timer);
    this.documents.delete(uri);
  }

  private async run(uri: string, document: DocumentSchedule): Promise<void> {
    document.timer = undefined;
    document.running = true;
    const analysisMs = await this.validate(uri);
    document.running = false;
    document.activeAt = performance.now();
    document.delayMs = Math.min(MAX_DELAY_MS, Math.max(analysisMs, document.delayMs / 2));
    if (document.again && this.documents.get(uri) === document) {
      document.again = false;
      this.schedule(uri);
    }
  }
}
