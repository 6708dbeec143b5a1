// A packaged (built) pipeline worker with faults on request, for the pipeline fault tests: it imports the built entry
// named by `?entry=` (e.g. /raw/dist/workers/handLandmarker.worker.js) and, on a message
// { posestreamTestFault: fault } (comlink sees it too and ignores it: it is not a call), it
// - 'crash': throws an uncaught error (the Worker's 'error' event, as a real bug would);
// - 'exit': closes itself (self.close(): no error, no message, calls never answered: a silent exit);
// - 'hang': busy-loops for 60 s, as a worker stuck in a wasm call would (it answers nothing);
// - 'starve': every frame stream it is reading now gets no more frames (its reads wait until the stream is
//   cancelled, as a real read does when the camera sends nothing), while the worker answers calls and a stream it
//   reads later is served: a camera that starves the stream it feeds;
// - 'break': every frame stream it is reading now fails (its reads reject): a broken stream, which no restart mends.
// Messages that arrive while the entry loads are held and handed to it once it has loaded.
const held = [];
const hold = (event) => {
  held.push(event);
  event.stopImmediatePropagation();
};

let readers = 0;
let starvedUpTo = 0;
let brokenUpTo = 0;
const getReader = ReadableStream.prototype.getReader;
ReadableStream.prototype.getReader = function (...args) {
  const reader = getReader.apply(this, args);
  reader.posestreamTestNumber = ++readers;
  return reader;
};
const read = ReadableStreamDefaultReader.prototype.read;
const cancel = ReadableStreamDefaultReader.prototype.cancel;
ReadableStreamDefaultReader.prototype.read = function () {
  if (this.posestreamTestNumber <= brokenUpTo) return Promise.reject(new TypeError('injected: the frame stream broke'));
  if (!(this.posestreamTestNumber <= starvedUpTo)) return read.call(this);
  return new Promise((resolve) => (this.posestreamTestCancelled = () => resolve({ done: true, value: undefined })));
};
ReadableStreamDefaultReader.prototype.cancel = function (...args) {
  this.posestreamTestCancelled?.();
  return cancel.apply(this, args);
};

self.addEventListener('message', (event) => {
  const fault = event.data?.posestreamTestFault;
  if (fault === undefined) return;
  event.stopImmediatePropagation();
  if (fault === 'starve') starvedUpTo = readers;
  if (fault === 'break') brokenUpTo = readers;
  if (fault === 'crash') setTimeout(() => {
    throw new Error('injected crash');
  });
  if (fault === 'exit') self.close();
  if (fault === 'hang') {
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      /* hung */
    }
  }
});
self.addEventListener('message', hold);
await import(new URL(location.href).searchParams.get('entry'));
self.removeEventListener('message', hold);
for (const event of held) self.dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }));
