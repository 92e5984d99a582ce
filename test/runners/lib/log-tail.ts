import * as fs from 'node:fs';

/** Streams lines appended to a file (the mocha reporter's tee) to the terminal while a run is going on. */
export function followFile(file: string, write: (text: string) => void): { stop(): void } {
  let offset = 0;
  let pending = '';
  const poll = (final: boolean): void => {
    if (!fs.existsSync(file)) return;
    const size = fs.statSync(file).size;
    if (size > offset) {
      const fd = fs.openSync(file, 'r');
      const buffer = Buffer.alloc(size - offset);
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      fs.closeSync(fd);
      offset = size;
      pending += buffer.toString('utf8');
    }
    const lines = pending.split('\n');
    pending = final ? '' : (lines.pop() ?? '');
    for (const line of lines) if (!final || line !== '') write(line);
  };
  const timer = setInterval(() => poll(false), 200);
  return {
    stop() {
      clearInterval(timer);
      poll(true);
    },
  };
}
