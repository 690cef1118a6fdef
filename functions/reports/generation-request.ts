import * as z from 'zod';
import { semesterIdSchema } from '#shared/semesters.ts';

/**
 * The report queue's message, one per network report to generate: sent by generation-queue.ts, read
 * by the generator (handlers/generate-reports.ts). Its own module, so the generator's bundle does not
 * carry the sender's SQS client.
 */
export const generationRequestSchema = z.object({
  semester: semesterIdSchema,
  networkId: z.string().min(2).max(60),
});
export type GenerationRequest = z.infer<typeof generationRequestSchema>;
