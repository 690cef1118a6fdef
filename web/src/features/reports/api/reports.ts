import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { annualSummarySchema } from '#shared/annual-summary.ts';
import { semesterDetailSchema, semesterListSchema } from '#shared/contributions.ts';
import { regionListSchema } from '#shared/networks.ts';
import { reportHtmlSchema, reportListSchema, reportSchema, reportSummarySchema } from '#shared/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type ReportList = z.output<typeof reportListSchema>;
export type ReportSummary = z.output<typeof reportSummarySchema>;
export type Report = z.output<typeof reportSchema>;
export type AnnualSummary = z.output<typeof annualSummarySchema>;
export type SemesterSummary = z.output<typeof semesterListSchema>['items'][number];

/**
 * Query keys: everything under `reports`. A report is read per version (`latest` when none is named),
 * so that a finalisation can set the new latest while older versions stay cached.
 */
export const reportKeys = {
  all: ['reports'] as const,
  semesters: () => [...reportKeys.all, 'semesters'] as const,
  list: (semester: string) => [...reportKeys.all, 'list', semester] as const,
  reports: (semester: string, networkId: string) =>
    [...reportKeys.all, 'report', semester, networkId] as const,
  detail: (semester: string, networkId: string, version: number | 'latest') =>
    [...reportKeys.reports(semester, networkId), 'detail', version] as const,
  html: (semester: string, networkId: string, version: number | 'latest') =>
    [...reportKeys.reports(semester, networkId), 'html', version] as const,
  annual: (year: string) => [...reportKeys.all, 'annual', year] as const,
  regions: () => [...reportKeys.all, 'regions'] as const,
};

/** The semesters feature keeps its own cache of the same resources; a close refreshes it too. */
const SEMESTERS_CACHE_ROOT = ['semesters'] as const;

const semesterApiPath = (id: string) => `/semesters/${encodeURIComponent(id)}`;
const reportApiPath = (semester: string, networkId: string) =>
  `${semesterApiPath(semester)}/reports/${encodeURIComponent(networkId)}`;
const versionQuery = (version: number | undefined) => (version === undefined ? '' : `?version=${version}`);

/** While the reports are being generated after a close, the list is read again this often. */
export const PROGRESS_POLL_MS = 2_000;

/** `GET /api/semesters`: every semester of the calendar, with its status. */
export function useReportSemesters() {
  return useQuery({
    queryKey: reportKeys.semesters(),
    queryFn: ({ signal }) => apiRequest('/semesters', { schema: semesterListSchema, signal }),
    staleTime: 0,
  });
}

/** Whether the reports of a closed semester are all generated (nothing to wait for when none is expected). */
export function generationComplete(progress: ReportList['progress']): boolean {
  return progress.generated >= progress.expected;
}

/**
 * `GET /api/semesters/{id}/reports`: one row per network report the caller may read, and how far the
 * generation after the close has got. Read again every two seconds until every report is there.
 */
export function useReportList(semester: string) {
  return useQuery({
    queryKey: reportKeys.list(semester),
    queryFn: ({ signal }) =>
      apiRequest(`${semesterApiPath(semester)}/reports`, { schema: reportListSchema, signal }),
    staleTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data || query.state.status === 'error') return false;
      return generationComplete(data.progress) ? false : PROGRESS_POLL_MS;
    },
  });
}

/**
 * One report (`?version=` when given), with its versions and short-lived links to its files. The links
 * expire (five minutes by default): the report is read again every minute while shown, and a link
 * read more than half a minute ago is fetched afresh when used (see components/FileLinks.tsx).
 */
export function reportQuery(semester: string, networkId: string, version: number | undefined) {
  return queryOptions({
    queryKey: reportKeys.detail(semester, networkId, version ?? 'latest'),
    queryFn: ({ signal }) =>
      apiRequest(`${reportApiPath(semester, networkId)}${versionQuery(version)}`, {
        schema: reportSchema,
        signal,
      }),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

export function useReport(semester: string, networkId: string, version: number | undefined) {
  return useQuery(reportQuery(semester, networkId, version));
}

/** The report's HTML rendering, to show inline in a sandboxed frame. A version's rendering never changes. */
export function useReportHtml(semester: string, networkId: string, version: number | undefined) {
  return useQuery({
    queryKey: reportKeys.html(semester, networkId, version ?? 'latest'),
    queryFn: ({ signal }) =>
      apiRequest(`${reportApiPath(semester, networkId)}/html${versionQuery(version)}`, {
        schema: reportHtmlSchema,
        signal,
      }),
    staleTime: version === undefined ? 0 : Number.POSITIVE_INFINITY,
  });
}

/** `PUT .../assessment` with the revision read; the answer is the report's summary with its new revision. */
export function useSaveAssessment(semester: string, networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { assessment: string; revision: number }) =>
      apiRequest(`${reportApiPath(semester, networkId)}/assessment`, {
        method: 'PUT',
        body,
        schema: reportSummarySchema,
      }),
    onSuccess: (summary) => {
      // The links and versions are unchanged: keep them, take the new revision and assessment.
      queryClient.setQueryData<Report>(reportKeys.detail(semester, networkId, 'latest'), (report) =>
        report ? { ...report, ...summary } : report,
      );
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(semester) });
    },
  });
}

/** `POST .../finalise`: the answer is the finalised report, a new version that is now the latest. */
export function useFinaliseReport(semester: string, networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { revision: number }) =>
      apiRequest(`${reportApiPath(semester, networkId)}/finalise`, {
        method: 'POST',
        body,
        schema: reportSchema,
      }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(semester, networkId, 'latest'), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.html(semester, networkId, 'latest') });
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(semester) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.annual(semester.slice(0, 4)) });
    },
  });
}

/** `POST /api/semesters/{id}/close` (`force` before the end); the reports are then generated in the background. */
export function useCloseSemesterForReports(semester: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) =>
      apiRequest(`${semesterApiPath(semester)}/close`, {
        method: 'POST',
        body: { force },
        schema: semesterDetailSchema,
      }),
    onSuccess: (closed) => {
      // The page turns to "closed" at once; the list is read again below all the same.
      queryClient.setQueryData<z.output<typeof semesterListSchema>>(reportKeys.semesters(), (list) =>
        list
          ? {
              items: list.items.map((item) =>
                item.id === closed.id
                  ? { ...item, status: closed.status, daysLeft: closed.daysLeft, closedAt: closed.closedAt }
                  : item,
              ),
            }
          : list,
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.semesters() });
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(semester) });
      void queryClient.invalidateQueries({ queryKey: SEMESTERS_CACHE_ROOT });
    },
  });
}

/** `GET /api/annual-summaries/{year}`: 404 until the year's second semester is closed and the summary drafted. */
export function useAnnualSummary(year: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKeys.annual(year),
    queryFn: ({ signal }) =>
      apiRequest(`/annual-summaries/${encodeURIComponent(year)}`, { schema: annualSummarySchema, signal }),
    staleTime: 0,
    // Fresh links while shown; a 404 (not drafted yet) is not asked again every minute.
    refetchInterval: (query) => (query.state.status === 'error' ? false : 60_000),
  });
}

/** The names of the regional networks (`GET /api/regional-networks`), read only when a regional one is shown. */
export function useRegionNames(enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.regions(),
    queryFn: ({ signal }) => apiRequest('/regional-networks', { schema: regionListSchema, signal }),
    enabled,
    staleTime: 10 * 60_000,
  });
}
