// Imported first by main.ts: zod decides at schema construction whether to compile parsers with
// `new Function`, and its probe for that is a CSP violation under the panel's policy (no 'unsafe-eval').
import { config } from 'zod/mini';

config({ jitless: true });
