import { describe, expect, it } from 'vitest';
import { chooseRunOn } from '../../src/pipeline/chooseRunOn.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';

const stream = {} as MediaStream;

describe('chooseRunOn', () => {
  it("'auto' runs a camera or MediaStream on workers where supported, everything else on the main thread", () => {
    expect(chooseRunOn({}, true)).toBe('workers');
    expect(chooseRunOn({ source: { stream } }, true)).toBe('workers');
    expect(chooseRunOn({}, false)).toBe('main-thread');
    expect(chooseRunOn({ source: { file: '/clip.mp4' } }, true)).toBe('main-thread');
    expect(chooseRunOn({ classifyWith: (w, c) => c(w) }, true)).toBe('main-thread');
    expect(chooseRunOn({ runOn: 'main-thread' }, true)).toBe('main-thread');
  });

  it("'workers' where it cannot run is an InvalidOptionError saying why; so is an unknown value", () => {
    expect(chooseRunOn({ runOn: 'workers' }, true)).toBe('workers');
    expect(() => chooseRunOn({ runOn: 'workers' }, false)).toThrow(/no MediaStreamTrackProcessor/);
    expect(() => chooseRunOn({ runOn: 'workers', source: { file: '/clip.mp4' } }, true)).toThrow(/video file or element/);
    expect(() => chooseRunOn({ runOn: 'workers', classifyWith: (w, c) => c(w) }, true)).toThrow(/classifyWith/);
    expect(() => chooseRunOn({ runOn: 'gpu' as never }, true)).toThrow(InvalidOptionError);
  });
});
