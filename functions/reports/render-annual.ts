import type { AnnualSummaryDocument } from '#shared/annual-summary.ts';
import { REPORT_STYLES, reportDocumentPolicy } from '#shared/report-style.ts';
import { templateFieldTexts } from '#shared/report-template-texts.ts';
import { escapeHtml } from './render-html.ts';
import { renderTextPdf } from './render-pdf.ts';
import { brusselsTimeText, stateName } from './report-text.ts';

const figureLabel = (fieldId: string) => templateFieldTexts.en[fieldId]?.label ?? fieldId;
const title = (summary: AnnualSummaryDocument) => `Annual summary of the ILO networks — ${summary.year}`;

/** Lines of text shared by the HTML and PDF renderings. */
function sections(summary: AnnualSummaryDocument): { heading: string; lines: string[] }[] {
  const { overall } = summary;
  const figures = Object.entries(overall.figures).map(([id, total]) => {
    const change = overall.change?.[id];
    return `${figureLabel(id)}: ${total}${change === undefined ? '' : ` (${change >= 0 ? '+' : ''}${change} on ${summary.year - 1})`}`;
  });
  return [
    {
      heading: 'Overall',
      lines: [
        `Networks: ${overall.networks}; meetings: ${overall.meetings}; trainings: ${overall.trainings}.`,
        `ILOs by state: ${Object.entries(overall.ilosByState)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([state, n]) => `${stateName(state)} ${n}`)
          .join(', ')}.`,
        ...figures,
      ],
    },
    ...summary.networks.map((network) => ({
      heading: `Network ${stateName(network.networkId)}`,
      lines: [
        `ILOs by state: ${Object.entries(network.ilosByState)
          .map(([state, n]) => `${stateName(state)} ${n}`)
          .join(', ')}; meetings: ${network.meetings}; trainings: ${network.trainings}.`,
        Object.entries(network.figures)
          .map(([id, total]) => `${figureLabel(id)}: ${total}`)
          .join('; '),
      ],
    })),
    {
      heading: 'Reports',
      lines: summary.reports.map(
        (r) => `${r.semester} — ${stateName(r.networkId)}: version ${r.version} (${r.status})`,
      ),
    },
  ];
}

export function renderAnnualHtml(summary: AnnualSummaryDocument): string {
  const body = sections(summary)
    .map(
      (s) =>
        `<h2>${escapeHtml(s.heading)}</h2><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${reportDocumentPolicy}"><title>${escapeHtml(title(summary))}</title>
<style>${REPORT_STYLES}</style></head>
<body><p class="marking">${escapeHtml(summary.classification)}</p><h1>${escapeHtml(title(summary))}</h1>
<p>Version ${summary.version}, generated ${escapeHtml(brusselsTimeText(summary.generatedAt))}.</p>${body}</body></html>
`;
}

export function renderAnnualPdf(summary: AnnualSummaryDocument): Promise<Buffer> {
  return renderTextPdf({
    title: title(summary),
    classification: summary.classification,
    subtitle: `Version ${summary.version}, generated ${brusselsTimeText(summary.generatedAt)}`,
    sections: sections(summary),
  });
}
