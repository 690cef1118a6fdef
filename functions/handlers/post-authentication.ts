import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { logger } from '../lib/logger.ts';
import { PersonRepository } from '../people/person-repository.ts';

/**
 * Cognito post-authentication trigger (AWS only): records the person's last sign-in in the people
 * directory, as the local dev login does. A failure to record is logged, never a refused sign-in:
 * the directory check of every request still decides who is let in.
 */
export const handler = async (
  event: PostAuthenticationTriggerEvent,
): Promise<PostAuthenticationTriggerEvent> => {
  const subject = event.request.userAttributes.sub;
  try {
    if (subject) await PersonRepository.recordSignIn(subject, new Date().toISOString());
    else logger.warn('post-authentication event without a subject', { userName: event.userName });
  } catch (error) {
    logger.error('last sign-in not recorded', { subject, error });
  }
  return event;
};
