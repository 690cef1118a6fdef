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

/**
 * The SHA-256 of REPORT_STYLES, for the CSP (`style-src 'sha256-…'`). Kept as a constant so that the
 * browser build needs no hashing; test/unit/web-security.test.ts fails if the sheet and it drift apart.
 */
export const REPORT_STYLES_SHA256 = '1lNNiJcdRf2fDs1gMUcjs+8+tID7/QnuUMNDgcI6Vi4=';

export const reportStyleSource = `'sha256-${REPORT_STYLES_SHA256}'`;

/**
 * The policy a report document carries itself (a `<meta>` tag), for when it is opened from its
 * download link rather than inside the app: no script, no request anywhere, only its own sheet. The
 * text is escaped as it is written; this makes markup that slipped through inert all the same.
 */
export const reportDocumentPolicy = `default-src 'none'; style-src ${reportStyleSource}; img-src data:; base-uri 'none'; form-action 'none'`;
