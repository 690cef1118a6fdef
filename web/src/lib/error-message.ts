import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';

/**
 * What to tell a person about a failure. The server's message is written for people, so it is shown
 * as it is; failures the server did not describe get a translated message that says what to do.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiError)) return t('errors.unexpected');
    switch (error.code) {
      case 'network_error':
        return t('errors.network');
      case 'invalid_response':
        return t('errors.invalidResponse');
      case 'forbidden':
        return error.message || t('errors.forbidden');
      default:
        return error.isTransient ? t('errors.unexpected') : error.message || t('errors.unexpected');
    }
  };
}
