/**
 * The panel's entry point. The first paint comes from the state the host embedded in the page, so there
 * is no round trip before the questions show; `ready` then tells the host it may send updates.
 */
import './zodConfig';
import './elements';
import { parsePanelState } from '../src/core/protocol';
import { startPanel } from './controller';
import { connectToHost } from './vscodeApi';

function main(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const channel = connectToHost();
  const bootstrap = readBootstrap();
  if (!bootstrap.ok) {
    root.textContent = `The panel could not start: ${bootstrap.error}. Close it and open the assessment again.`;
    channel.post({ type: 'log', level: 'error', message: `bootstrap state rejected: ${bootstrap.error}` });
    return;
  }
  startPanel(root, channel, bootstrap.value);
}

function readBootstrap(): ReturnType<typeof parsePanelState> {
  const text = document.getElementById('bootstrap')?.textContent;
  if (!text) return { ok: false, error: 'the page has no initial state' };
  try {
    return parsePanelState(JSON.parse(text));
  } catch (error) {
    return {
      ok: false,
      error: `the initial state is not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

main();
