import { createHash } from 'node:crypto';
import type { ReportDocument } from '#shared/reports.ts';
import { cellText, headerLines, partTitles, reportTitle, stateName } from './report-text.ts';

/** The CSP source that allows REPORT_STYLES, e.g. for `style-src`. */
export function reportStyleHash(): string {
  return `'sha256-${createHash('sha256').update(REPORT_STYLES, 'utf8').digest('base64')}'`;
}

/** Everything from contributions is text: escaped, so script or markup in a narrative stays inert. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');

/**
 * The one style sheet of the report documents. The web app shows a report inline in a sandboxed
 * frame, which inherits the app's content security policy: the policy allows exactly this sheet by
 * its hash (`reportStyleHash`), and nothing else inline.
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

export function renderReportHtml(report: ReportDocument): string {
  const title = reportTitle(report);
  const parts = (['A', 'B', 'C'] as const)
    .map((part) => {
      const sections = report.sections
        .filter((s) => s.part === part)
        .map((section) => {
          const records = section.records.length
            ? `<ul>${section.records.map((r) => `<li><span class="date">${escapeHtml(r.date)}</span> — ${escapeHtml(r.text)}</li>`).join('')}</ul>`
            : '';
          const narratives = section.narratives
            .map((n) =>
              n.entries.length
                ? `<h4>${escapeHtml(n.label)}</h4>${n.entries
                    .map(
                      (e) =>
                        `<div class="contribution"><p class="state">${escapeHtml(stateName(e.state))}</p>${paragraphs(e.text)}</div>`,
                    )
                    .join('')}`
                : '',
            )
            .join('');
          const tables = section.tables
            .map((t) => {
              if (!t.rows.length) return '';
              const head = t.columns
                .map((c) => `<th scope="col">${escapeHtml(c.id === 'state' ? 'State' : c.id)}</th>`)
                .join('');
              const body = t.rows
                .map(
                  (row) =>
                    `<tr>${t.columns
                      .map(
                        (c) =>
                          `<td${c.type === 'count' ? ' class="number"' : ''}>${escapeHtml(cellText(c.type, row[c.id]))}</td>`,
                      )
                      .join('')}</tr>`,
                )
                .join('');
              const totals = Object.keys(t.totals).length
                ? `<tr><th scope="row">Total</th>${t.columns
                    .slice(1)
                    .map(
                      (c) => `<td class="number">${c.id in t.totals ? escapeHtml(t.totals[c.id]) : ''}</td>`,
                    )
                    .join('')}</tr>`
                : '';
              return `<table><caption>${escapeHtml(t.label)}</caption><thead><tr>${head}</tr></thead><tbody>${body}${totals}</tbody></table>`;
            })
            .join('');
          const figures = section.figures.length
            ? `<table><caption>Figures, summed over the contributions</caption><thead><tr><th scope="col">Figure</th><th scope="col">Total</th><th scope="col">By state</th></tr></thead><tbody>${section.figures
                .map(
                  (f) =>
                    `<tr><th scope="row">${escapeHtml(f.label)}</th><td class="number">${f.total}</td><td>${escapeHtml(
                      Object.entries(f.byState)
                        .map(([s, n]) => `${stateName(s)}: ${n}`)
                        .join('; '),
                    )}</td></tr>`,
                )
                .join('')}</tbody></table>`
            : '';
          const content = records + narratives + tables + figures;
          return `<section><h3>${escapeHtml(section.id)}. ${escapeHtml(section.title)}</h3>${content || '<p class="empty">Nothing reported.</p>'}</section>`;
        })
        .join('');
      return `<h2>${escapeHtml(partTitles[part])}</h2>${sections}`;
    })
    .join('');
  const header = headerLines(report)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const list = (codes: string[]) => escapeHtml(codes.map(stateName).join(', ') || 'none');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${REPORT_STYLES}</style></head>
<body><p class="marking">${escapeHtml(report.classification)}</p>
<h1>${escapeHtml(title)}</h1>
<table><caption>Header</caption><tbody>${header}</tbody></table>
${parts}
${report.assessment ? `<h2>Assessment of the drafting state</h2>${paragraphs(report.assessment)}` : ''}
<h2>Annex — Contributions</h2>
<table><tbody><tr><th scope="row">Contributed</th><td>${list(report.annex.contributed)}</td></tr>
<tr><th scope="row">Did not contribute</th><td>${list(report.annex.missing)}</td></tr>
<tr><th scope="row">Late</th><td>${list(report.annex.late)}</td></tr></tbody></table>
<p class="marking">${escapeHtml(report.classification)}</p>
</body></html>
`;
}
