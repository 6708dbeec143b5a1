// The packaged (built) hand-landmarker worker for the pipeline tests, plus a way to make it hang: on the message
// { posestreamTestHang: true } it busy-loops for 60 s, as a worker stuck in a wasm call would (it answers nothing).
// (comlink also sees that message and ignores it: it is not a call.)
import '/raw/dist/workers/handLandmarker.worker.js';

self.addEventListener('message', (event) => {
  if (event.data?.posestreamTestHang !== true) return;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    /* hung */
  }
});
