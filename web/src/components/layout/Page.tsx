import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';

/**
 * A page: its heading, which is also the document title. The heading can take focus (tabIndex -1)
 * so that, after a route change, AppLayout moves focus there and screen readers announce the page.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <h1 className="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
