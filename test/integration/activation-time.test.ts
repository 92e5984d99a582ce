import * as assert from 'node:assert/strict';
import { activationMs } from './dora-host';

describe('activation cost', () => {
  it('is measured from loading the bundle to the end of activate (printed, not asserted)', async function () {
    const ms = await activationMs();
    assert.ok(Number.isFinite(ms) && ms >= 0, `activationMs should be a duration, got ${ms}`);
    const line = `activation: ${ms.toFixed(1)} ms (budget 50 ms)`;
    console.log(line);
    if (this.test) this.test.title = `${this.test.title}: ${line}`;
  });
});
