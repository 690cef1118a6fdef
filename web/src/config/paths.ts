/** The app's routes, in one place so that features link to one another without importing each other. */
export const paths = {
  dashboard: '/',
  signIn: '/sign-in',
} as const;
