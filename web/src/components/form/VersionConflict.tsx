import type { ReactNode, Ref } from 'react';

interface StaleVersionNoticeProps {
  title: string;
  body: string;
  /** Offered when the form can put the latest version in place of the one it read. */
  reload?: { label: string; onReload: () => void } | undefined;
  /** The notice's heading level: 3 inside a section of the page. */
  headingLevel?: 2 | 3;
  /** What else the person needs to see (the latest version's text, say). */
  children?: ReactNode;
}

/**
 * A save refused because someone else saved a newer version meanwhile (409 `stale_version`): said at
 * once (an alert), with the way on. What the person typed stays in the form.
 */
export function StaleVersionNotice({
  title,
  body,
  reload,
  headingLevel = 2,
  children,
}: StaleVersionNoticeProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="notice notice--error" role="alert">
      <Heading className="notice__title">{title}</Heading>
      <p>{body}</p>
      {children}
      {reload && (
        <button className="button" type="button" onClick={reload.onReload}>
          {reload.label}
        </button>
      )}
    </div>
  );
}

interface SetAsidePanelProps {
  /** The heading's id (the panel is labelled by it). */
  headingId: string;
  /** The heading takes focus after a reload, so that the person hears what happened to their text. */
  headingRef: Ref<HTMLHeadingElement>;
  title: string;
  body: string;
  /** The comparison of the person's changes with the latest version. */
  children: ReactNode;
  putBack: { label: string; onClick: () => void };
  drop: { label: string; onClick: () => void };
}

/**
 * After a conflict the form shows the latest version, and what the person had typed is set aside here,
 * beside it: put back over the latest version, or dropped.
 */
export function SetAsidePanel({
  headingId,
  headingRef,
  title,
  body,
  children,
  putBack,
  drop,
}: SetAsidePanelProps) {
  return (
    <section className="notice set-aside" aria-labelledby={headingId}>
      <h2 className="notice__title" id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p>{body}</p>
      {children}
      <div className="button-row">
        <button className="button" type="button" onClick={putBack.onClick}>
          {putBack.label}
        </button>
        <button className="button button--secondary" type="button" onClick={drop.onClick}>
          {drop.label}
        </button>
      </div>
    </section>
  );
}
