/**
 * Background work done in passes on a timer (idle OAuth refreshes, health checks, webhook
 * deliveries): one pass at a time, a call during a pass joins it, timers never hold the
 * process open, and stopping waits for the pass in flight.
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private halted = false;

  constructor(
    /** One pass; answers how much it did. It must not throw: it logs its own trouble. */
    private readonly work: (now: number) => Promise<number>,
    private readonly intervalMs: number,
  ) {}

  /** Starts the passes; the first after `firstDelayMs` (an interval unless told). */
  start(firstDelayMs = this.intervalMs): void {
    const tick = () => {
      void this.runOnce().finally(() => {
        if (!this.halted) this.schedule(tick, this.intervalMs);
      });
    };
    this.schedule(tick, firstDelayMs);
  }

  runOnce(now = Date.now()): Promise<number> {
    this.running ??= this.work(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Whether stop() was called: a long pass ends between its batches. */
  get stopped(): boolean {
    return this.halted;
  }

  async stop(): Promise<void> {
    this.halted = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(tick: () => void, delayMs: number): void {
    this.timer = setTimeout(tick, delayMs);
    this.timer.unref();
  }
}
