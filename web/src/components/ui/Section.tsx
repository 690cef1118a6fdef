import type { ReactNode } from 'react';

interface SectionProps {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  /** `visually-hidden` where the section's buttons say what it is to the eye. */
  headingClassName?: string;
}

/** A part of a page under its own heading, which names it for screen readers too. */
export function Section({
  id,
  title,
  children,
  className,
  headingClassName = 'section-title',
}: SectionProps) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 className={headingClassName} id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
