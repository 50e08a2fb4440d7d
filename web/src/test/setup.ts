import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearSession } from '@/lib/session';

// findBy* waits for lazily loaded pages; on a busy machine that takes more than the default second
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks ResizeObserver (Recharts' ResponsiveContainer uses it).
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// jsdom has no layout: give Recharts' responsive containers a size so charts draw their shapes.
const realRect = HTMLElement.prototype.getBoundingClientRect;
HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  if (this.classList.contains('recharts-responsive-container')) {
    const height = parseFloat(this.style.height) || 320;
    return { x: 0, y: 0, top: 0, left: 0, right: 800, bottom: height, width: 800, height, toJSON: () => ({}) } as DOMRect;
  }
  return realRect.call(this);
};

afterEach(() => {
  cleanup();
  clearSession();
  window.sessionStorage.clear();
});
