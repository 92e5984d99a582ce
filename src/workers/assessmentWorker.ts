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
/** Parsed assessments waiting for their `score`, by the number the host gave; a few at most. */
const kept = new Map<number, Assessment>();
/** A summary whose framework could not be found never asks for its score: its entry is dropped later. */
const MAX_KEPT = 8;

function keep(key: number, assessment: Assessment): void {
  kept.set(key, assessment);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(oldest);
  }
}

function handle(request: ParseRequest): ParseReplies[ParseRequest['kind']] {
  switch (request.kind) {
    case 'parse': {
      const loaded = loadBytes(request.file, request.bytes);
      if (loaded.ok && request.keep !== undefined) keep(request.keep, loaded.value);
      return headerOf(loaded);
    }
    case 'score': {
      if (request.framework) frameworks.set(request.ref, request.framework);
      const framework = frameworks.get(request.ref);
      if (!framework) throw new Error('nothing to score against: the framework was not sent to this reader');
      const assessment = kept.get(request.keep) ?? reparsed(request.file, request.bytes);
      kept.delete(request.keep);
      return digestOf(framework, assessment);
    }
    case 'load':
      return loadBytes(request.file, request.bytes);
    case 'framework':
      return loadFramework(textOfBytes(request.bytes), request.file);
    case 'check':
      return problemsOf(request.file, request.bytes, request.as);
  }
}

function reparsed(file: string, bytes: Uint8Array): Assessment {
  const loaded = loadBytes(file, bytes);
  if (!loaded.ok) throw new Error('the file no longer loads');
  return loaded.value;
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
