// The packaged (built) hand-landmarker worker for the pipeline tests, plus two faults on request (comlink also sees
// these messages and ignores them: they are not calls):
// - { posestreamTestHang: true }: it busy-loops for 60 s, as a worker stuck in a wasm call would (it answers nothing);
// - { posestreamTestStarve: true }: every frame stream it is reading now gets no more frames (its reads wait until
//   the stream is cancelled, as a real read does when the camera sends nothing), while the worker answers calls and
//   a stream it reads later is served: a camera that starves the stream it feeds.
import '/raw/dist/workers/handLandmarker.worker.js';

let readers = 0;
let starvedUpTo = 0;
const getReader = ReadableStream.prototype.getReader;
ReadableStream.prototype.getReader = function (...args) {
  const reader = getReader.apply(this, args);
  reader.posestreamTestNumber = ++readers;
  return reader;
};
const read = ReadableStreamDefaultReader.prototype.read;
const cancel = ReadableStreamDefaultReader.prototype.cancel;
ReadableStreamDefaultReader.prototype.read = function () {
  if (!(this.posestreamTestNumber <= starvedUpTo)) return read.call(this);
  return new Promise((resolve) => (this.posestreamTestCancelled = () => resolve({ done: true, value: undefined })));
};
ReadableStreamDefaultReader.prototype.cancel = function (...args) {
  this.posestreamTestCancelled?.();
  return cancel.apply(this, args);
};

self.addEventListener('message', (event) => {
  if (event.data?.posestreamTestStarve === true) starvedUpTo = readers;
  if (event.data?.posestreamTestHang !== true) return;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    /* hung */
  }
});
