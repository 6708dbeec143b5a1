/**
 * Saved gesture models (IndexedDB) in Debian's Chromium, from the sources (Vite): a real taught model (kairess, taught
 * here in Node) saved, listed, loaded after a reload, replaced and deleted; a stored value that is not a model; a full
 * quota (the origin's quota lowered through the DevTools protocol: the browser's own QuotaExceededError); a sandboxed
 * iframe (an opaque origin: IndexedDB denied by the browser) and a page without `indexedDB`. And in Node (no
 * IndexedDB at all): every function rejects with kind 'unavailable'.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../src/browser/launchChromium.js';
import { GestureModelStoreError, InvalidOptionError, listGestureModels, loadGestureModel, saveGestureModel, teachGestureModel, TaughtModelError, type TaughtGestureModel } from '../../src/index.js';
import { joinSegments, kairessSplit } from '../../eval/teachingStreams.js';
import type { StorePage } from './storePage.js';

let server: ViteDevServer;
let origin: string;
let browser: LaunchedChromium;
let page: Page;
let model: TaughtGestureModel;

/** Calls `window.storePage[name](...args)` in `p`. */
const call = <K extends keyof StorePage>(p: Page, name: K, ...args: Parameters<StorePage[K]>): Promise<Awaited<ReturnType<StorePage[K]>>> =>
  p.evaluate(([n, a]) => (window as unknown as { storePage: Record<string, (...x: unknown[]) => unknown> }).storePage[n]!(...a), [name, args] as const) as Promise<
    Awaited<ReturnType<StorePage[K]>>
  >;

async function openPage(): Promise<Page> {
  const p = await browser.context.newPage();
  await p.goto(`${origin}/test/store/storePage.html`);
  await p.waitForFunction(() => document.title === 'store page ready', null, { timeout: 60_000 });
  return p;
}

beforeAll(async () => {
  const split = await kairessSplit(resolve('../shared/data/landmarks/kairess-gesture-recognition'));
  ({ model } = await teachGestureModel({ recordings: [joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 })] }));
  // cors: the sandboxed iframe (origin "null") imports the store's modules from this server.
  server = await createServer({ root: resolve('.'), configFile: false, logLevel: 'error', clearScreen: false, server: { host: '127.0.0.1', port: 0, hmr: false, watch: null, cors: true }, optimizeDeps: { noDiscovery: true, include: [] } });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('no Vite address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
  page = await openPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('saved gesture models in Chromium (IndexedDB)', () => {
  it('saves, lists, loads after a reload, replaces and deletes a real taught model', { timeout: 60_000 }, async () => {
    expect(await call(page, 'list')).toEqual({ value: [] });
    expect(await call(page, 'load', 'mine')).toEqual({});
    expect(await call(page, 'save', 'mine', model)).toEqual({});
    expect(await call(page, 'save', 'another', { ...model, labels: [...model.labels] })).toEqual({});
    const listed = (await call(page, 'list')).value!;
    expect(listed.map((m) => m.name)).toEqual(['another', 'mine']);
    expect(listed[1]!.labels).toEqual(model.labels);
    expect(listed[1]!.bytes).toBe(JSON.stringify(model).length);
    expect(listed[1]!.savedAt).toBeGreaterThan(Date.now() - 60_000);
    await page.reload();
    await page.waitForFunction(() => document.title === 'store page ready');
    expect((await call(page, 'load', 'mine')).value).toEqual(model);
    // Saved again under the same name: replaced.
    const other: TaughtGestureModel = { ...model, thresholds: Object.fromEntries(Object.keys(model.thresholds).map((k) => [k, 0.5])) };
    expect(await call(page, 'save', 'mine', other)).toEqual({});
    expect((await call(page, 'load', 'mine')).value).toEqual(other);
    expect(await call(page, 'remove', 'mine')).toEqual({});
    expect(await call(page, 'remove', 'never saved')).toEqual({});
    expect(await call(page, 'load', 'mine')).toEqual({});
    expect((await call(page, 'list')).value!.map((m) => m.name)).toEqual(['another']);
    // Another database is another set.
    expect(await call(page, 'list', 'my-app-models')).toEqual({ value: [] });
  });

  it('a stored value that is not a taught model: load rejects with kind malformed naming the field, the others still list', { timeout: 30_000 }, async () => {
    await call(page, 'writeRaw', 'posestream-gesture-models', { name: 'broken', labels: ['x', 'none'], savedAt: 1, bytes: 2, model: { ...model, templates: [] } });
    const { error } = await call(page, 'load', 'broken');
    expect(error).toMatchObject({ name: 'GestureModelStoreError', kind: 'malformed', modelName: 'broken', database: 'posestream-gesture-models' });
    expect(error!.message).toMatch(/^loadGestureModel\("broken"\): IndexedDB database "posestream-gesture-models": what is saved under this name is not a taught gesture model: .*templates must be a non-empty array/);
    expect(error!.cause).toMatch(/^TaughtModelError: /);
    expect((await call(page, 'list')).value!.map((m) => m.name)).toContain('broken');
    // A malformed model is never saved.
    expect((await call(page, 'save', 'bad', { ...model, labels: ['wave'] })).error).toMatchObject({ name: 'TaughtModelError' });
  });

  it("a full quota: saveGestureModel rejects with kind 'quota' (the browser's QuotaExceededError), the model in memory untouched; saving works again with room", { timeout: 60_000 }, async () => {
    // A fresh origin (the same server as localhost), its quota lowered before it first touches its storage.
    const fresh = origin.replace('127.0.0.1', 'localhost');
    const p = await browser.context.newPage();
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: fresh, quotaSize: 16 * 1024 });
    try {
      await p.goto(`${fresh}/test/store/storePage.html`);
      await p.waitForFunction(() => document.title === 'store page ready', null, { timeout: 60_000 });
      const r = await call(p, 'saveKeepsModel', 'too big', model); // (its JSON: about 120 kB)
      console.info(`quota: ${JSON.stringify(r.error)}`);
      expect(r.unchanged).toBe(true);
      expect(r.error).toMatchObject({ name: 'GestureModelStoreError', kind: 'quota', modelName: 'too big' });
      expect(r.error!.message).toMatch(/^saveGestureModel\("too big"\): IndexedDB database "posestream-gesture-models": the browser refused to store more for this site \(QuotaExceededError/);
      expect(r.error!.cause).toMatch(/^QuotaExceededError/);
      expect(await call(p, 'list')).toEqual({ value: [] }); // nothing half-saved
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: fresh });
      expect(await call(p, 'save', 'too big', model)).toEqual({});
      expect((await call(p, 'load', 'too big')).value).toEqual(model);
    } finally {
      await cdp.detach();
      await p.close();
    }
  });

  it("an opaque origin (a sandboxed iframe) and a page without indexedDB: kind 'unavailable'", { timeout: 60_000 }, async () => {
    const inFrame = await call(page, 'opaqueFrame', model);
    console.info(`sandboxed iframe: ${JSON.stringify(inFrame)}`);
    expect(inFrame).toHaveLength(2);
    for (const r of inFrame) {
      expect(r).toMatchObject({ name: 'GestureModelStoreError', kind: 'unavailable' });
      expect(r.message).toMatch(/IndexedDB cannot be used on this page \(SecurityError: .*\): an opaque origin/);
    }
    const without = await call(page, 'withoutIndexedDb');
    expect(without.map((f) => [f.name, f.kind])).toEqual([['GestureModelStoreError', 'unavailable'], ['GestureModelStoreError', 'unavailable'], ['GestureModelStoreError', 'unavailable']]);
    expect(without[1]!.message).toBe('loadGestureModel("x"): IndexedDB database "posestream-gesture-models": this page has no IndexedDB (`indexedDB` is undefined: not a browser, or a browser without it)');
    // The page's own IndexedDB is back and still holds what was saved.
    expect((await call(page, 'list')).value!.length).toBeGreaterThan(0);
  });
});

describe('saved gesture models in Node (no IndexedDB)', () => {
  it("every function rejects with a GestureModelStoreError of kind 'unavailable'; a bad name or model is said first", async () => {
    for (const p of [listGestureModels(), loadGestureModel('x'), saveGestureModel('x', model)]) {
      const error = await p.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(GestureModelStoreError);
      expect(error).toMatchObject({ kind: 'unavailable', code: 'gesture-model-store', database: 'posestream-gesture-models' });
    }
    await expect(loadGestureModel('')).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(saveGestureModel('x', { ...model, format: 'nope' } as unknown as TaughtGestureModel)).rejects.toBeInstanceOf(TaughtModelError);
  });
});
