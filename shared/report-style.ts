import { createHash } from 'node:crypto';

/**
 * The one style sheet of the report documents. The web app shows a report inline in a sandboxed
 * frame, which inherits the app's content security policy: the policy allows exactly this sheet by
 * its hash (`webContentSecurityPolicy` in shared/web-security.ts), and nothing else inline.
 */
export const REPORT_STYLES = `
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
.marking{text-align:center;font-weight:bold;letter-spacing:.1em;border:2px solid #1a1a1a;padding:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #888;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef}td.number{text-align:right}h2{border-bottom:2px solid #003399;padding-bottom:.25rem}
.state{font-weight:bold}.empty{color:#555;font-style:italic}
@media print{body{margin:0;max-width:none}.marking{position:running(marking)}h2{break-after:avoid}table,li{break-inside:avoid}}
@page{margin:2cm;@top-center{content:element(marking)}@bottom-right{content:"Page " counter(page) " of " counter(pages)}}
`;

/** The CSP source that allows REPORT_STYLES (Node only: it hashes with node:crypto). */
export function reportStyleHash(): string {
  return `'sha256-${createHash('sha256').update(REPORT_STYLES, 'utf8').digest('base64')}'`;
}
