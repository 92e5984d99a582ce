import { parentPort } from 'node:worker_threads';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import { loadFramework } from '../core/framework/load';
import { digestOf, headerOf, loadBytes, problemsOf } from '../services/assessmentParser';
import { textOfBytes } from '../store/boundedRead';
import { WORKER_READY } from './parseProtocol';
import type { ParseReplies, ParseReply, ParseRequest } from './parseProtocol';

/**
 * The assessment worker: parses, validates and scores assessment files off the extension host's thread.
 * Bundled as dist/assessmentWorker.js; the host's client (parseWorkerClient.ts) ends it when one file
 * takes longer than its budget and starts a fresh one.
 */
const frameworks = new Map<number, Framework>();
let last: Assessment | undefined;

function handle(request: ParseRequest): ParseReplies[ParseRequest['kind']] {
  switch (request.kind) {
    case 'parse': {
      const loaded = loadBytes(request.file, request.bytes);
      last = loaded.ok ? loaded.value : undefined;
      return headerOf(loaded);
    }
    case 'score': {
      if (request.framework) frameworks.set(request.ref, request.framework);
      const framework = frameworks.get(request.ref);
      if (!framework || !last) throw new Error('nothing to score: parse the file first');
      return digestOf(framework, last);
    }
    case 'load':
      last = undefined;
      return loadBytes(request.file, request.bytes);
    case 'framework':
      return loadFramework(textOfBytes(request.bytes), request.file);
    case 'check':
      last = undefined;
      return problemsOf(request.file, request.bytes, request.as);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (message: ParseRequest & { readonly id: number }) => {
    let reply: ParseReply;
    try {
      reply = { id: message.id, ok: true, value: handle(message) };
    } catch (error) {
      reply = { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage(WORKER_READY);
}
