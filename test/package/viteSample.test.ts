// The sample recording from a Vite app, as the guides say to load it: `import url from
// 'posestream/samples/swipes.ndjson?url'` in a fresh vanilla-ts app that installed the tarball; `npm run build`
// (tsc && vite build) emits it as an asset, and the built app (vite preview, in Chromium) reads it with
// readRecording(new URL(url, location.href)): every frame and label line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/browser/launchChromium.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { startViteServer, teachApp, type ViteServer } from './packageFixture.js';

const MAIN = `import sampleUrl from 'posestream/samples/swipes.ndjson?url';
import { readRecording } from 'posestream';

const app = document.querySelector<HTMLDivElement>('#app')!;
app.innerHTML = '<pre id="result"></pre>';
const { frames, labels } = await readRecording(new URL(sampleUrl, location.href));
app.querySelector('#result')!.textContent = JSON.stringify({ frames: frames.length, labels: labels.map((l) => l.label) });
`;

let dir: string;
let server: ViteServer | undefined;
beforeAll(async () => {
  ({ dir } = await teachApp(MAIN));
}, 900_000);
afterAll(async () => {
  await server?.stop();
});

describe('the sample recording in a Vite app', () => {
  it('is emitted by vite build and read by the built app', async () => {
    const emitted = readdirSync(join(dir, 'dist/assets')).filter((f) => /^swipes-.*\.ndjson$/.test(f));
    expect(emitted).toHaveLength(1);
    const expected = await readRecording('samples/swipes.ndjson');
    server = await startViteServer(dir, 'preview');
    const browser = await launchChromium({ allowedHosts: ['127.0.0.1'] });
    try {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      await page.goto(`${server.origin}/`);
      const text = await page
        .waitForFunction(() => document.getElementById('result')?.textContent?.trim() || undefined, null, { timeout: 60_000, polling: 200 })
        .then((h) => h.jsonValue() as Promise<string>);
      expect(problems).toEqual([]);
      expect(browser.foreignRequests).toEqual([]);
      expect(JSON.parse(text)).toEqual({ frames: expected.frames.length, labels: expected.labels.map((l) => l.label) });
    } finally {
      await browser.close();
    }
  }, 180_000);
});
