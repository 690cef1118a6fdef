import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client.ts';
import { useErrorMessage } from '../../lib/error-message.ts';

interface ErrorStateProps {
  title: string;
  /** What went wrong and what to do about it. */
  message: string;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
}

export function ErrorState({ title, message, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p>{message}</p>
      {onRetry && (
        <button className="button button--secondary" type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}

/** Whether a failure is the server's refusal (403): the caller may not, now or on a retry. */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.isForbidden;
}

interface NotAllowedProps {
  error: unknown;
  /** Who may, when the page can say it better than the server's message. */
  reason?: string;
  /** When the page's own heading already says it is not allowed. */
  untitled?: boolean;
}

/** A refusal: "Not allowed for your organisation" and why, with nothing to retry. */
export function NotAllowed({ error, reason, untitled = false }: NotAllowedProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  return (
    <div className="notice" role="alert">
      {!untitled && <h2 className="notice__title">{t('errors.notAllowed')}</h2>}
      <p>{reason ?? describeError(error)}</p>
    </div>
  );
}

interface LoadErrorProps {
  /** The title of a failure to read ("… could not be loaded"). */
  title: string;
  error: unknown;
  /** Offered as "Try again" for a failure that a retry may cure. */
  onRetry?: () => void;
}

/**
 * Something that could not be read: a refusal reads as not allowed (never "Try again"), any other
 * failure says what went wrong and offers a retry. The one place where a 403 becomes words.
 */
export function LoadError({ title, error, onRetry }: LoadErrorProps) {
  const describeError = useErrorMessage();
  if (isRefusal(error)) return <NotAllowed error={error} />;
  return <ErrorState title={title} message={describeError(error)} {...(onRetry ? { onRetry } : {})} />;
}
