import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REPORT_STYLES, REPORT_STYLES_SHA256 } from '../../shared/report-style.ts';
import { webContentSecurityPolicy } from '../../shared/web-security.ts';

describe('content security policy', () => {
  it("allows exactly the report documents' style sheet inline, by its hash", () => {
    expect(createHash('sha256').update(REPORT_STYLES, 'utf8').digest('base64')).toBe(REPORT_STYLES_SHA256);
    expect(webContentSecurityPolicy()).toContain(`style-src 'self' 'sha256-${REPORT_STYLES_SHA256}'`);
    expect(webContentSecurityPolicy()).toContain("script-src 'self'");
    expect(webContentSecurityPolicy()).not.toContain('unsafe-inline');
  });
});
