import { type FocusEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { useReportHtml } from '../api/reports.ts';

/**
 * The report's HTML rendering, inline. It is made from text the states wrote, so it is shown in a frame
 * with an empty sandbox: no script runs in it and it has no access to this page or its session.
 *
 * A frame with nothing focusable inside is skipped by Tab, so keyboard users could not scroll it. Its
 * box is therefore a tab stop that hands focus to the frame (where arrows, Page Down and Space scroll);
 * coming back out with Shift+Tab, focus rests on the box, and the next Shift+Tab goes on backwards.
 */
export function ReportFrame({
  semester,
  networkId,
  version,
  title,
}: {
  semester: string;
  networkId: string;
  version: number;
  title: string;
}) {
  const { t } = useTranslation();
  const html = useReportHtml(semester, networkId, version);
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLElement>(null);
  // True from the moment the frame loses focus until anything but the box takes it: Shift+Tab out of
  // the frame lands on the box, which must then keep focus rather than hand it back.
  const leavingFrame = useRef(false);
  useEffect(() => {
    const onFocusIn = (event: globalThis.FocusEvent) => {
      if (event.target !== box.current) leavingFrame.current = false;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  if (html.error) {
    return (
      <LoadError
        title={t('reports.frame.loadFailed')}
        error={html.error}
        onRetry={() => void html.refetch()}
      />
    );
  }
  if (!html.data) return <LoadingState label={t('reports.frame.loading')} />;

  const onBoxFocus = (event: FocusEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (leavingFrame.current) {
      leavingFrame.current = false;
      return;
    }
    frame.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the tab stop that leads the keyboard into the frame (see above).
    <section ref={box} className="report-frame-box" tabIndex={0} aria-label={title} onFocus={onBoxFocus}>
      <iframe
        ref={frame}
        className="report-frame"
        sandbox=""
        srcDoc={html.data.html}
        title={title}
        onBlur={() => {
          leavingFrame.current = true;
        }}
      />
    </section>
  );
}
