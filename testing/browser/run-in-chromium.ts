// Test-only: bundles a browser entry with esbuild and runs it in Debian's headless Chromium.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { CaseResult } from './mini-vitest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Bundles `entry` for the browser (no Node built-ins allowed: the build fails if any is reached). */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    alias: { vitest: resolve(root, 'testing/browser/mini-vitest.ts') },
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.text;
}

/** Serves the bundle on 127.0.0.1, runs it in Chromium with `fixtures` as window.__FIXTURES__. */
export async function runInChromium(bundle: string, fixtures: unknown, timeoutMs = 120_000): Promise<CaseResult[]> {
  if (!CHROMIUM_PATH) throw new Error('Chromium is not installed (apt-get install chromium)');
  const html = `<!doctype html><meta charset="utf-8"><title>OpenSeal browser suite</title>
<script>window.__FIXTURES__ = ${JSON.stringify(fixtures)};</script>
<script type="module" src="/bundle.js"></script>`;
  const server = createServer((req, res) => {
    if (req.url === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(bundle);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (window as unknown as { __RESULTS__?: unknown }).__RESULTS__ !== undefined || (window as unknown as { __ERROR__?: unknown }).__ERROR__ !== undefined, undefined, { timeout: timeoutMs });
    const failure = await page.evaluate(() => (window as unknown as { __ERROR__?: string }).__ERROR__);
    if (failure) throw new Error(`browser suite crashed: ${failure}`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return (await page.evaluate(() => (window as unknown as { __RESULTS__: CaseResult[] }).__RESULTS__));
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}
