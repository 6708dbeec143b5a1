/**
 * posestream/react on a server: importing it and rendering a component that uses the hook touches no browser
 * global (Node has no `window`, `self` or `document`), starts nothing, and renders the idle state.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('posestream/react on a server', () => {
  it('imports and renders without window, self or document (status idle, no gesture)', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { self?: unknown }).self).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const { useHandGestures } = await import('posestream/react');
    function App() {
      const { gesture, status, error, videoRef } = useHandGestures({ source: { camera: {} } });
      return createElement('div', null,
        createElement('video', { ref: videoRef }),
        createElement('p', { id: 'gesture' }, gesture?.label ?? 'none'),
        createElement('p', { id: 'status' }, `${status}${error ? error.message : ''}`));
    }
    const html = renderToString(createElement(App));
    expect(html).toContain('<p id="gesture">none</p>');
    expect(html).toContain('<p id="status">idle</p>');
  });

  it('marks the entry and the hook as client modules ("use client" first)', () => {
    for (const file of ['src/react/index.ts', 'src/react/useHandGestures.ts']) {
      expect(readFileSync(file, 'utf8').startsWith("'use client';")).toBe(true);
    }
  });
});
