import { useTranslation } from 'react-i18next';

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
