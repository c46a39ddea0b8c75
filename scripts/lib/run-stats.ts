/**
 * `npm run extract -- --stats`: time and memory of a long run on stderr, every 100 files and at the
 * end, to show that the thousandth file is handled as fast, and in as little memory, as the first.
 */
import { median, MB, percentile } from './stats';

const EVERY = 100;

export class RunStats {
  private readonly all: number[] = [];
  private window: number[] = [];
  private files = 0;
  private peakRss = 0;
  private readonly started = performance.now();

  /** One file done: its extraction time, or null when it failed. */
  add(ms: number | null): void {
    this.files++;
    if (ms !== null) {
      this.all.push(ms);
      this.window.push(ms);
    }
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    if (this.files % EVERY === 0) {
      const m = process.memoryUsage();
      process.stderr.write(
        `stats: ${this.files} files, last ${EVERY}: median ${median(this.window).toFixed(1)} ms, ` +
          `heap ${(m.heapUsed / MB).toFixed(0)} MB, rss ${(m.rss / MB).toFixed(0)} MB\n`,
      );
      this.window = [];
    }
  }

  end(failed: number): void {
    const m = process.memoryUsage();
    process.stderr.write(
      `stats: ${this.files} files (${failed} failed) in ${((performance.now() - this.started) / 1000).toFixed(1)} s; ` +
        `extraction median ${median(this.all).toFixed(1)} ms, p95 ${percentile(this.all, 95).toFixed(1)} ms; ` +
        `heap ${(m.heapUsed / MB).toFixed(0)} MB, peak rss ${(this.peakRss / MB).toFixed(0)} MB\n`,
    );
  }
}
