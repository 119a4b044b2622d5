// One facade over the WebExtension namespaces: Firefox's promise-based `browser`
// and Chromium's `chrome` (promise-returning in MV3). Nothing else touches either global.
export const api = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome;
