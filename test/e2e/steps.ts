import * as path from 'node:path';
import type { Workbench } from './workbench';

export interface StepResult {
  readonly name: string;
  readonly state: 'passed' | 'failed' | 'not run';
  readonly seconds: number;
  readonly error?: string;
}

/**
 * Runs the scenario's steps in order and records each. After the first failure the rest are listed as
 * "not run" (they build on each other), so a report never hides a step by skipping it quietly.
 */
export class StepRecorder {
  readonly results: StepResult[] = [];
  private failed = false;

  constructor(
    private readonly workbench: Workbench,
    private readonly shotsDir: string,
    /** Several scenarios share a target's folder; each names its failure screenshots apart. */
    private readonly failureShotPrefix = 'FAILED',
  ) {}

  async step(name: string, body: () => Promise<void>): Promise<void> {
    if (this.failed) {
      this.results.push({ name, state: 'not run', seconds: 0 });
      console.log(`  - ${name} (not run: an earlier step failed)`);
      return;
    }
    const started = Date.now();
    try {
      await body();
      const seconds = (Date.now() - started) / 1000;
      this.results.push({ name, state: 'passed', seconds });
      console.log(`  ✔ ${name} (${seconds.toFixed(1)}s)`);
    } catch (error) {
      this.failed = true;
      const seconds = (Date.now() - started) / 1000;
      const message = error instanceof Error ? error.message : String(error);
      this.results.push({ name, state: 'failed', seconds, error: message });
      console.log(`  ✘ ${name} (${seconds.toFixed(1)}s)\n      ${message.split('\n').join('\n      ')}`);
      const shot = path.join(
        this.shotsDir,
        `${this.failureShotPrefix}-${this.results.length.toString().padStart(2, '0')}.png`,
      );
      await this.workbench.screenshot(shot).then(
        () => console.log(`      screenshot: ${shot}`),
        () => undefined,
      );
    }
  }

  get ok(): boolean {
    return !this.failed && this.results.length > 0;
  }
}
