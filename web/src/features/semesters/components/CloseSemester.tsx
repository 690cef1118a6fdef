import type { z } from 'zod';
import type { semesterDetailSchema } from '#shared/contributions.ts';
import { CloseSemesterPanel } from '../../../components/semester/CloseSemesterPanel.tsx';
import { useCloseSemester } from '../../../lib/semesters.ts';

type SemesterDetail = z.infer<typeof semesterDetailSchema>;

/** The close on the semester page. */
export function CloseSemester({ detail, onClosed }: { detail: SemesterDetail; onClosed: () => void }) {
  return (
    <CloseSemesterPanel semesterId={detail.id} close={useCloseSemester(detail.id)} onClosed={onClosed} />
  );
}
