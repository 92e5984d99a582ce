'use strict';
// Runs a command in this process's group and takes the whole group down when the harness goes away,
// even if the harness was killed with SIGKILL or crashed: the harness holds our stdin open, and the
// operating system closes it when the harness dies, whatever the cause.
//   node guard.cjs <command> [args...]
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

let stopping = false;
function stopGroup() {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(0, 'SIGTERM');
  } catch {
    /* group already gone */
  }
  setTimeout(() => {
    try {
      process.kill(0, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 5000).unref();
}

process.stdin.on('end', stopGroup);
process.stdin.on('close', stopGroup);
process.stdin.on('error', stopGroup);
process.stdin.resume();
// The tracker signals the whole group; the child gets the same signal, we just wait for it.
process.on('SIGTERM', () => undefined);
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (require('node:os').constants.signals[signal] ?? 0) : 1));
});
child.on('error', (error) => {
  console.error(`guard: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
