import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '#shared/api/endpoints.ts';
import { callEndpoint } from '../../../lib/api-client.ts';
import type { EndpointBody, EndpointResult } from '../../../lib/endpoint-request.ts';
import { useCloseSemester } from '../../../lib/semesters.ts';

export type ReportList = EndpointResult<typeof endpoints.listReports>;
export type ReportSummary = EndpointResult<typeof endpoints.saveAssessment>;
export type Report = EndpointResult<typeof endpoints.getReport>;
export type AnnualSummary = EndpointResult<typeof endpoints.getAnnualSummary>;

/**
 * Query keys: everything under `reports`. A report is read per version (`latest` when none is named),
 * so that a finalisation can set the new latest while older versions stay cached.
 */
export const reportKeys = {
  all: ['reports'] as const,
  list: (semester: string) => [...reportKeys.all, 'list', semester] as const,
  reports: (semester: string, networkId: string) =>
    [...reportKeys.all, 'report', semester, networkId] as const,
  detail: (semester: string, networkId: string, version: number | 'latest') =>
    [...reportKeys.reports(semester, networkId), 'detail', version] as const,
  html: (semester: string, networkId: string, version: number | 'latest') =>
    [...reportKeys.reports(semester, networkId), 'html', version] as const,
  annual: (year: string) => [...reportKeys.all, 'annual', year] as const,
};

/** The path parameters of one network's report in a semester. */
const reportPath = (semester: string, networkId: string) => ({ id: semester, net: networkId });

/** While the reports are being generated after a close, the list is read again this often. */
export const PROGRESS_POLL_MS = 2_000;

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
    queryFn: ({ signal }) => callEndpoint(endpoints.listReports, { path: { id: semester }, signal }),
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
      callEndpoint(endpoints.getReport, {
        path: reportPath(semester, networkId),
        query: { version },
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
      callEndpoint(endpoints.getReportHtml, {
        path: reportPath(semester, networkId),
        query: { version },
        signal,
      }),
    staleTime: version === undefined ? 0 : Number.POSITIVE_INFINITY,
  });
}

/** `PUT .../assessment` with the revision read; the answer is the report's summary with its new revision. */
export function useSaveAssessment(semester: string, networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof endpoints.saveAssessment>) =>
      callEndpoint(endpoints.saveAssessment, { path: reportPath(semester, networkId), body }),
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
    mutationFn: (body: EndpointBody<typeof endpoints.finaliseReport>) =>
      callEndpoint(endpoints.finaliseReport, { path: reportPath(semester, networkId), body }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(semester, networkId, 'latest'), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.html(semester, networkId, 'latest') });
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(semester) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.annual(semester.slice(0, 4)) });
    },
  });
}

/** Closing from the reports page (`force` before the end): the reports are then generated in the background. */
export function useCloseSemesterForReports(semester: string) {
  const queryClient = useQueryClient();
  return useCloseSemester(semester, () => {
    void queryClient.invalidateQueries({ queryKey: reportKeys.list(semester) });
  });
}

/** `GET /api/annual-summaries/{year}`: 404 until the year's second semester is closed and the summary drafted. */
export function useAnnualSummary(year: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reportKeys.annual(year),
    queryFn: ({ signal }) => callEndpoint(endpoints.getAnnualSummary, { path: { year }, signal }),
    staleTime: 0,
    // Fresh links while shown; a 404 (not drafted yet) is not asked again every minute.
    refetchInterval: (query) => (query.state.status === 'error' ? false : 60_000),
  });
}
