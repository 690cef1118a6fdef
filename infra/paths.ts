import { fileURLToPath } from 'node:url';

/** The repository root: the NodejsFunction project root, where package-lock.json and functions/ live. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
