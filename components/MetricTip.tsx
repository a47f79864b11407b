import { useEffect, useId, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/**
 * A label whose one-line explanation shows on hover and on keyboard focus (a `title` attribute
 * would show on hover only), and is read out by screen readers through aria-describedby.
 * Escape hides it until the pointer or focus leaves (WCAG 1.4.13: dismissible without moving);
 * while it is shown by focus, that Escape goes no further (the overlay collapses on the next one).
 */
export function MetricTip({ tip, children, class: cls = '', metric }: { tip: string; children: ComponentChildren; class?: string; metric?: string }) {
  const id = useId();
  const [off, setOff] = useState(false);
  const [hovered, setHovered] = useState(false);
  useEffect(() => {
    if (!hovered || off) return;
    // Shown by the pointer, with focus anywhere: Escape from the page dismisses it.
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOff(true); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hovered, off]);
  return (
    <span class={`sl-tip-host ${cls}${off ? ' sl-tip-off' : ''}`} tabIndex={0} aria-describedby={id} data-metric={metric}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || off) return;
        setOff(true);
        e.stopPropagation();
      }}
      onBlur={() => setOff(false)}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => { setHovered(false); setOff(false); }}>
      {children}
      <span class="sl-tip" role="tooltip" id={id}>{tip}</span>
    </span>
  );
}
