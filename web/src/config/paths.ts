/** The app's routes, in one place so that features link to one another without importing each other. */
export const paths = {
  dashboard: '/',
  signIn: '/sign-in',
  secondments: '/secondments',
  newSecondment: '/secondments/new',
  secondment: '/secondments/:id',
  editSecondment: '/secondments/:id/edit',
} as const;

/** The page of one secondment (`/secondments/:id`). */
export function secondmentPath(id: string): string {
  return `${paths.secondments}/${encodeURIComponent(id)}`;
}

/** The form that edits (or, once notified, amends) one secondment. */
export function editSecondmentPath(id: string): string {
  return `${secondmentPath(id)}/edit`;
}
