import { parsePersistedState } from '../src/core/protocol';
import type { PersistedState, WebviewMessage } from '../src/core/protocol';

/** The part of the API VS Code injects into webviews that the panel uses. */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The only way the panel talks to the host: typed messages out, and its own state kept across reloads. */
export interface HostChannel {
  post(message: WebviewMessage): void;
  restore(): PersistedState | undefined;
  persist(state: PersistedState): void;
}

/** `acquireVsCodeApi` may be called once per page, so the channel is created once in main.ts. */
export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    restore: () => {
      const parsed = parsePersistedState(api.getState());
      return parsed.ok ? parsed.value : undefined;
    },
    persist: (state) => api.setState(state),
  };
}
