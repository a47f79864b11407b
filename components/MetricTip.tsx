import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * A label whose one-line explanation shows on hover and on keyboard focus (a `title` attribute
 * would show on hover only), and is read out by screen readers through aria-describedby.
 */
export function MetricTip({ tip, children, class: cls = '', metric }: { tip: string; children: ComponentChildren; class?: string; metric?: string }) {
  const id = useId();
  return (
    <span class={`sl-tip-host ${cls}`} tabIndex={0} aria-describedby={id} data-metric={metric}>
      {children}
      <span class="sl-tip" role="tooltip" id={id}>{tip}</span>
    </span>
  );
}
