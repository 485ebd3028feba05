/**
 * Sliding-window pacer: at most `max` starts per `windowMs`. Callers await `take()`
 * before each request, so bursts queue instead of earning a 429.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private pausedUntil = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** After a 429 the vendor told us when to come back; everyone waits. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** How long everyone must still wait after the vendor's last Retry-After. */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      while (this.starts.length && this.starts[0]! <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.max) {
        this.starts.push(now);
        return;
      }
      await this.sleep(this.starts[0]! + this.windowMs - now);
    }
  }
}
