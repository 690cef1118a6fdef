import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type FileFormat = 'pdf' | 'docx' | 'html' | 'json';

/** The order files are offered in: the document to read first, then the editable copy, then data. */
const ORDER: readonly FileFormat[] = ['pdf', 'docx', 'html', 'json'];

/**
 * A link the API signed is valid for a few minutes only (five by default, thirty seconds at the
 * least): one read longer ago than this is fetched afresh before it is followed.
 */
const FRESH_FOR_MS = 25_000;

interface FileLinksProps {
  /** The signed links, by format; a format absent here is not offered. */
  links: Partial<Record<FileFormat, string>>;
  /**
   * The files' lasting addresses (the app's own, with no signature), shown and copied instead of the
   * signed links where the files have them; a click still opens a freshly signed link.
   */
  lasting?: Partial<Record<FileFormat, string>>;
  /** When the links were read (TanStack Query's `dataUpdatedAt`). */
  readAt: number;
  /** Reads the links again; resolves to the fresh ones (or undefined when that failed). */
  refresh: () => Promise<Partial<Record<FileFormat, string>> | undefined>;
  /** The name of the document in the link texts ("the report, version 3"). */
  label: string;
}

/**
 * The files of a report or summary, as links opening in a new tab (the files are served "inline": the
 * browser shows a PDF, HTML or JSON, and saves a DOCX). Links are followed fresh: see FRESH_FOR_MS.
 */
export function FileLinks({ links, lasting, readAt, refresh, label }: FileLinksProps) {
  const { t } = useTranslation();

  const follow = async (event: MouseEvent<HTMLAnchorElement>, format: FileFormat) => {
    // A signed link read just now is followed as it is; a lasting address is signed on the way.
    if (!lasting?.[format] && Date.now() - readAt < FRESH_FOR_MS) return;
    event.preventDefault();
    // Opened now, while the click still counts as the person's: a window opened after the request
    // would be taken for a pop-up. It cannot reach back to this page (opener cleared).
    const opened = window.open('', '_blank');
    if (opened) opened.opener = null;
    const fresh = await refresh();
    const url = fresh?.[format];
    if (!url) {
      opened?.close();
      return;
    }
    if (opened) opened.location.href = url;
    else window.location.assign(url);
  };

  const offered = ORDER.filter((format) => links[format]);
  return (
    <ul className="file-links">
      {offered.map((format) => (
        <li key={format}>
          <a
            className="file-links__link"
            href={lasting?.[format] ?? links[format]}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => void follow(event, format)}
          >
            <span className="file-links__format">{t(`reports.files.formats.${format}`)}</span>
            <span className="visually-hidden">
              {' '}
              {t('reports.files.of', { label })} {t('reports.files.newTab')}
            </span>
          </a>
          <span className="file-links__hint">{t(`reports.files.hints.${format}`)}</span>
        </li>
      ))}
    </ul>
  );
}
