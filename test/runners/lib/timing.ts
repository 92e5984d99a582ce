/** Prints how long each step took, so CI logs show where the 20-minute budget goes. */
export function elapsed(since: number): string {
  const seconds = (Date.now() - since) / 1000;
  return seconds >= 60
    ? `${Math.floor(seconds / 60)}m${(seconds % 60).toFixed(0).padStart(2, '0')}s`
    : `${seconds.toFixed(1)}s`;
}

export function logStep(prefix: string): (message: string) => void {
  const start = Date.now();
  return (message) => console.log(`[${prefix} +${elapsed(start)}] ${message}`);
}
