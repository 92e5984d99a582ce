import type { BuildOptions } from 'esbuild';

export declare const WEBVIEW_BUDGET_BYTES: number;
export declare const webviewTarget: BuildOptions & { entryPoints: string[]; outfile: string };
