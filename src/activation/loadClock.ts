/**
 * Imported first by src/extension.ts, so in the bundle this runs before any other module's top-level code:
 * the activation time measured from here includes loading the bundle, not just running `activate`.
 */
export const loadStartedAt = performance.now();
