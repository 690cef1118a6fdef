import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways when its table is wider than the page. It can take focus, so that people
 * using a keyboard can scroll it too, and it is named after the table it holds.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
    >
      {children}
    </section>
  );
}
