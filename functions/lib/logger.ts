import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from '#shared/service.ts';

/** Structured JSON logs; the level comes from POWERTOOLS_LOG_LEVEL (INFO by default). */
export const logger = new Logger({ serviceName: SERVICE_NAME });
