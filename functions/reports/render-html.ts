import { REPORT_STYLES, reportDocumentPolicy } from '#shared/report-style.ts';
import type { ReportDocument } from '#shared/reports.ts';
import {
  annexLines,
  byStateText,
  cellText,
  columnLabel,
  dateText,
  headerLines,
  numberText,
  partTitles,
  reportTitle,
  stateName,
  totalLines,
} from './report-text.ts';

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

export function renderReportHtml(report: ReportDocument): string {
  const title = reportTitle(report);
  const parts = (['A', 'B', 'C'] as const)
    .map((part) => {
      const sections = report.sections
        .filter((s) => s.part === part)
        .map((section) => {
          const records = section.records.length
            ? `<ul>${section.records.map((r) => `<li><span class="date">${escapeHtml(dateText(r.date))}</span> — ${escapeHtml(r.text)}</li>`).join('')}</ul>`
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
                .map((c) => `<th scope="col">${escapeHtml(columnLabel(c.id))}</th>`)
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
                ? `<tfoot><tr><th scope="row">Total</th>${t.columns
                    .slice(1)
                    .map(
                      (c) =>
                        `<td class="number">${c.id in t.totals ? escapeHtml(numberText(t.totals[c.id] ?? 0)) : ''}</td>`,
                    )
                    .join('')}</tr></tfoot>`
                : '';
              const totalText = totalLines(t)
                .map((line) => `<p class="total">${escapeHtml(line)}</p>`)
                .join('');
              return `<table><caption>${escapeHtml(t.label)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${totals}</table>${totalText}`;
            })
            .join('');
          const figures = section.figures.length
            ? `<table><caption>Figures, summed over the contributions</caption><thead><tr><th scope="col">Figure</th><th scope="col">Total</th><th scope="col">By state</th></tr></thead><tbody>${section.figures
                .map(
                  (f) =>
                    `<tr><th scope="row">${escapeHtml(f.label)}</th><td class="number">${escapeHtml(numberText(f.total))}</td><td>${escapeHtml(byStateText(f.byState))}</td></tr>`,
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
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${reportDocumentPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${REPORT_STYLES}</style></head>
<body><p class="marking">${escapeHtml(report.classification)}</p>
<h1>${escapeHtml(title)}</h1>
<table><caption>Header</caption><tbody>${header}</tbody></table>
${parts}
${report.assessment ? `<h2>Assessment of the drafting state</h2>${paragraphs(report.assessment)}` : ''}
<h2>Annex — Contributions</h2>
<table><tbody>${annexLines(report)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('\n')}</tbody></table>
<p class="marking">${escapeHtml(report.classification)}</p>
</body></html>
`;
}
