// The README's "Teach your own gestures" → "Teach from recordings" block as a user gets it: a fresh vanilla-ts Vite
// app with posestream installed from the packed tarball, `src/main.ts` = exactly that block, and
// `public/teach/{train,test}.ndjson` written here from real data (kairess: one person's come / away / spin takes;
// teach on the first 55 % of each take, test on its last 40 %; eval/teachingStreams.ts, as docs/evaluation.md's
// "Teaching" table). Built with the template's `npm run build` (tsc && vite build) and served by `vite preview`, and
// run in Vite's dev server, each loaded in Chromium: the teaching runs in the trainer worker the tarball ships, and
// #result must hold the JSON the README promises.
//
// Tolerance of the events (event-level, matchGestureEvents, the rule of docs/evaluation.md): precision >= 0.9 and
// recall >= 0.8 of the test recording's labelled gestures (docs/evaluation.md measured 0.96 / 0.90 in Node on this
// split: 27 of 30, 1 false; the NDJSON's 5-decimal landmarks may move a borderline window).
//
// Another case saves the model taught in the page to a file and runs the tarball's `posestream classify --model` on
// the test recording in Node: the same events.
//
// A third case times the same block teaching 5 gestures + `none` with 5 examples each (kairess come / away / spin
// and seniormars swipe_up / swipe_down, 5 still palms labelled `none`, ordinary movement between them): it checks
// #result's shape and labels and prints the training time and the events (no timed or scored assertion: it is a
// measurement; seniormars' later clips are partly mirrored, docs/evaluation.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/browser/launchChromium.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { matchGestureEvents, type GestureSpan } from '../../src/teach/matchGestureEvents.js';
import { joinSegments, kairessSplit, seniormarsSplit, type Segment } from '../../eval/teachingStreams.js';
import { readmeTsBlock, runStatus, SHARED_DATA, startViteServer, teachApp, type ViteServer } from './packageFixture.js';

const FPS = 15;
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.8;
/** From navigation to a filled #result, at most (teaching took 2.5 s in Node; Chromium's worker on 2 busy cores is slower). */
const RESULT_TIMEOUT_MS = 120_000;

interface Result {
  trainMs: number;
  labels: string[];
  events: GestureSpan[];
}

let appDir: string;
let buildLog: string;
let testLabels: GestureSpan[];
let testTimestamps: number[];
const servers: ViteServer[] = [];

beforeAll(async () => {
  const split = await kairessSplit(join(SHARED_DATA, 'landmarks/kairess-gesture-recognition'));
  const train = joinSegments(split.teach, FPS, { join: 'moving', name: 'kairess teach', seed: 1 });
  const test = joinSegments(split.test, FPS, { join: 'still', name: 'kairess test', seed: 2 });
  testLabels = test.labels.map((l) => ({ label: l.label, startFrame: l.startFrame, endFrame: l.endFrame }));
  testTimestamps = test.timestamps;
  ({ dir: appDir, buildLog } = await teachApp(readmeTsBlock('Teach your own gestures', 'Teach from recordings'), {
    'public/teach/train.ndjson': ndjson(train, 'kairess teach block'),
    'public/teach/test.ndjson': ndjson(test, 'kairess test block'),
  }));
}, 900_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** Opens the app in Chromium; resolves #result parsed, once it is filled, after checking nothing erred. */
async function runApp(how: 'dev' | 'preview', dir = appDir, extra?: () => unknown): Promise<Result & { extra?: unknown }> {
  const server = await startViteServer(dir, how);
  servers.push(server);
  const browser = await launchChromium({ allowedHosts: ['127.0.0.1'] });
  const problems: string[] = [];
  const workers: string[] = [];
  try {
    const page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.stack ?? e.message}`));
    page.on('worker', (w) => {
      workers.push(w.url());
      w.on('console', (m) => m.type() === 'error' && problems.push(`console.error in worker ${w.url()}: ${m.text()}`));
    });
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    await page.goto(`${server.origin}/`);
    const text = await page
      .waitForFunction(() => document.getElementById('result')?.textContent?.trim() || undefined, null, { timeout: RESULT_TIMEOUT_MS, polling: 200 })
      .then((h) => h.jsonValue() as Promise<string>)
      .catch(async (e: unknown) => {
        const state = await page.evaluate(() => document.body.innerText.slice(0, 500)).catch(() => '(page gone)');
        throw new Error(
          `vite ${how}: #result stayed empty (${String(e)})\npage: ${state}\nproblems:\n${problems.join('\n') || '(none)'}\n` +
            `requests:\n${browser.requests.slice(-20).join('\n')}\nserver:\n${server.output().slice(-3000)}`,
        );
      });
    expect(problems).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
    expect(workers.some((u) => /gestureTrainerWorker/.test(u))).toBe(true); // taught in the worker, not on the page
    const more = extra === undefined ? undefined : await page.evaluate(extra);
    await page.close();
    return { ...(JSON.parse(text) as Result), ...(more === undefined ? {} : { extra: more }) };
  } finally {
    await browser.close();
  }
}

/** The NDJSON of a joined recording: a posestream/v1 header, its frames, its label lines. */
const ndjson = (r: ReturnType<typeof joinSegments>, source: string): string =>
  serializeRecording({ header: { format: 'posestream/v1', fps: FPS, source }, frames: [...r.frames], labels: [...r.labels] });

/** Checks #result's shape and labels; scores its events against the label lines; prints both. Returns P and R. */
function checkResult(how: string, result: Result, taught: string[], labels = testLabels, timestamps = testTimestamps): { precision: number; recall: number } {
  expect(Object.keys(result).sort()).toEqual(['events', 'labels', 'trainMs']);
  expect(result.trainMs).toBeGreaterThan(0);
  expect(result.labels.at(-1)).toBe('none');
  expect([...result.labels].sort()).toEqual([...taught, 'none'].sort());
  for (const e of result.events) {
    expect(Object.keys(e).sort()).toEqual(['endFrame', 'label', 'startFrame']);
    expect(result.labels).toContain(e.label);
    expect(e.endFrame).toBeGreaterThanOrEqual(e.startFrame);
  }
  const counts = matchGestureEvents(result.events, labels, (f) => timestamps[f] ?? f * (1000 / FPS), 2000);
  const precision = counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives);
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
  const labelled = labels.filter((l) => l.label !== 'none').length;
  console.info(
    `teach app, ${how}, Chromium: trained in ${result.trainMs} ms; ${result.events.length} events for ${labelled} labelled gestures: ` +
      `${counts.truePositives} found, ${counts.falsePositives} false, ${counts.falseNegatives} missed (P ${precision.toFixed(2)}, R ${recall.toFixed(2)})`,
  );
  return { precision, recall };
}

/** Meets the tolerance of the module comment. */
function expectTolerance(score: { precision: number; recall: number }): void {
  expect(score.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  expect(score.recall).toBeGreaterThanOrEqual(MIN_RECALL);
}

describe('the README "Teach from recordings" app, from the packed tarball in Chromium', () => {
  it('vite build: no externalised node: modules, the trainer worker emitted, and #result right', { timeout: 180_000 }, async () => {
    expect(buildLog).not.toMatch(/externali[sz]ed for browser compatibility/i);
    expect(buildLog).toMatch(/gestureTrainerWorker[^\s]*\.js/);
    expectTolerance(checkResult('kairess, vite build + preview', await runApp('preview'), ['come', 'away', 'spin']));
  });

  it('vite dev server: the same #result', { timeout: 180_000 }, async () => {
    expectTolerance(checkResult('kairess, vite dev', await runApp('dev'), ['come', 'away', 'spin']));
  });

  it('the model taught in the page, saved to a file, gives the same events in `posestream classify --model` (Node, the tarball\'s CLI)', { timeout: 600_000 }, async () => {
    // The README block, plus one line that hands the taught model to the test (as a user's download button would).
    const main = `${readmeTsBlock('Teach your own gestures', 'Teach from recordings')}\nObject.assign(globalThis, { taughtJson: JSON.stringify(done.model) });\n`;
    const split = await kairessSplit(join(SHARED_DATA, 'landmarks/kairess-gesture-recognition'));
    const train = joinSegments(split.teach, FPS, { join: 'moving', name: 'kairess teach', seed: 1 });
    const test = joinSegments(split.test, FPS, { join: 'still', name: 'kairess test', seed: 2 });
    const app = await teachApp(main, { 'public/teach/train.ndjson': ndjson(train, 'kairess teach block'), 'public/teach/test.ndjson': ndjson(test, 'kairess test block') });
    const result = await runApp('preview', app.dir, () => (globalThis as unknown as { taughtJson: string }).taughtJson);
    expect(result.events.length).toBeGreaterThan(10);
    writeFileSync(join(app.dir, 'taught.json'), result.extra as string);
    const cli = await runStatus('npx', ['posestream', 'classify', 'public/teach/test.ndjson', '--model', 'taught.json', '--timing', 'asap', '--json'], app.dir);
    expect(cli.code, cli.output.slice(-3000)).toBe(0);
    const lines = cli.output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { type: string; label: string; startFrame: number; endFrame: number });
    const fromCli = lines.filter((l) => l.type === 'gesture').map(({ label, startFrame, endFrame }) => ({ label, startFrame, endFrame }));
    console.info(`taught in Chromium, classified by the CLI: ${fromCli.length} events, the page's ${result.events.length}`);
    expect(fromCli).toEqual(result.events);
  });

  it('times teaching 5 gestures + none with 5 examples each (measured, printed)', { timeout: 900_000 }, async () => {
    const kairess = await kairessSplit(join(SHARED_DATA, 'landmarks/kairess-gesture-recognition'));
    const seniormars = await seniormarsSplit(join(SHARED_DATA, 'landmarks/seniormars-gesture'));
    const taught = ['come', 'away', 'spin', 'swipe_up', 'swipe_down'];
    const pick = (segments: Segment[], label: string, from: number, count: number): Segment[] =>
      segments.filter((s) => s.label === label).slice(from, from + count).map((s) => (label === 'palm' ? { ...s, label: 'rest' } : s));
    const teach = [...taught, 'palm'].flatMap((l) => pick([...kairess.teach, ...seniormars.teach], l, 0, 5));
    const test = [...taught.flatMap((l) => pick([...kairess.test, ...seniormars.test], l, 0, 3)), ...pick(seniormars.test, 'palm', 0, 3)];
    const train = joinSegments(teach, FPS, { join: 'moving', untaught: ['rest'], name: 'five teach', seed: 3 });
    const held = joinSegments(test, FPS, { join: 'moving', untaught: ['rest'], name: 'five test', seed: 4 });
    expect(train.labels.filter((l) => l.label === 'none')).toHaveLength(5);
    const app = await teachApp(readmeTsBlock('Teach your own gestures', 'Teach from recordings'), {
      'public/teach/train.ndjson': ndjson(train, 'five gestures, 5 each'),
      'public/teach/test.ndjson': ndjson(held, 'five gestures, held out'),
    });
    const labels = held.labels.map((l) => ({ label: l.label, startFrame: l.startFrame, endFrame: l.endFrame }));
    checkResult('5 gestures + none x 5 examples, vite build + preview', await runApp('preview', app.dir), taught, labels, held.timestamps);
  });
});
