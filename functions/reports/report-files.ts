/**
 * The report files in S3, apart from the report items (report-repository.ts), so that a function that
 * only lists reports or saves an assessment carries no S3 client (about 170 KB of a bundle).
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { reportsBucket, s3 } from '../lib/aws.ts';
import { config } from '../lib/config.ts';
import type { ReportFormat } from './report-repository.ts';

const contentTypes: Record<ReportFormat | 'inputs', string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  inputs: 'application/json; charset=utf-8',
};

export const ReportFiles = {
  async upload(key: string, format: ReportFormat | 'inputs', body: Buffer | string): Promise<void> {
    await s3().send(
      new PutObjectCommand({
        Bucket: reportsBucket(),
        Key: key,
        Body: body,
        ContentType: contentTypes[format],
      }),
    );
  },

  async readText(key: string): Promise<string> {
    const object = await s3().send(new GetObjectCommand({ Bucket: reportsBucket(), Key: key }));
    return (await object.Body?.transformToString('utf-8')) ?? '';
  },

  /** A short-lived link to one file (the bucket itself is private). */
  async signedUrl(key: string, downloadName: string): Promise<string> {
    return getSignedUrl(
      s3(),
      new GetObjectCommand({
        Bucket: reportsBucket(),
        Key: key,
        ResponseContentDisposition: `inline; filename="${downloadName}"`,
      }),
      { expiresIn: config().REPORT_LINK_SECONDS },
    );
  },
};
