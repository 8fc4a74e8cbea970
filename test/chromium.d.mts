export interface Browser {
  path: string;
  source: string;
}
export declare class BrowserNotFoundError extends Error {}
export declare function candidates(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): Browser[];
export declare function findBrowser(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): Browser;
export declare const browser: Browser;
export declare const executablePath: string;
export declare const chromiumArgs: string[];
