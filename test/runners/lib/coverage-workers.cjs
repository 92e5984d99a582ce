// Loaded by mocha (`--require`) when `npm run test:unit` runs the test files in parallel under c8.
// A mocha worker writes its V8 coverage when it exits, but workerpool kills a worker that has not exited
// one second after being asked to, and a busy machine often needs longer to write it: the coverage of every
// test file that worker ran was then lost. Give workers a minute to exit cleanly.
const path = require('node:path');

const workerpool = require(require.resolve('workerpool', { paths: [path.dirname(require.resolve('mocha'))] }));
const pool = workerpool.pool;
workerpool.pool = (script, options) => pool(script, { ...options, workerTerminateTimeout: 60_000 });
