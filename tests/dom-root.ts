/**
 * The container of component tests: `useDomRoot()` (in a file or a describe block) gives each test a
 * fresh element in document.body as `root` (a live binding), rendered empty and removed after it;
 * `mount` renders into it and lets the effects run.
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

export let root: HTMLElement;

export function useDomRoot(): void {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
}

export async function mount(vnode: ComponentChild): Promise<void> {
  await act(async () => {
    render(vnode, root);
  });
  await act(async () => {});
}
