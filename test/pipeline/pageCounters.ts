/**
 * What the pipeline test page counts, set up before any pipeline starts: every camera track (and the clones the
 * workers path processes), every live Worker and the latest of each name; and, on request, packaged workers with
 * faults (test/pipeline/faultyWorker.js).
 */
/** Every camera track and clone the page made. */
export const tracks: MediaStreamTrack[] = [];
const media = navigator.mediaDevices;
const getUserMedia = media.getUserMedia.bind(media);
media.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  tracks.push(...stream.getTracks());
  return stream;
};
// The workers path processes a clone of the camera track: count clones as tracks too.
const clone = MediaStreamTrack.prototype.clone;
MediaStreamTrack.prototype.clone = function countedClone(this: MediaStreamTrack) {
  const copy = clone.call(this);
  tracks.push(copy);
  return copy;
};
/** Live Workers, and the latest Worker of each name ('hand-landmarker', 'classifier'). */
export const live = new Set<Worker>();
export const named = new Map<string, Worker>();
/** While true, every packaged worker started is the built one inside test/pipeline/faultyWorker.js (faults on request). */
export const workerFaults = { injectable: false };
const NativeWorker = window.Worker;
window.Worker = class CountedWorker extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    const file = new URL(url, location.href).pathname.split('/').pop() ?? '';
    const faulty = workerFaults.injectable && file.endsWith('.worker.js');
    super(faulty ? `/raw/faultyWorker.js?entry=${encodeURIComponent(`/raw/dist/workers/${file}`)}` : url, options);
    live.add(this);
    named.set(options?.name ?? '', this);
  }
  override terminate(): void {
    live.delete(this);
    super.terminate();
  }
};

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
