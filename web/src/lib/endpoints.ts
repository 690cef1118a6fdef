/**
 * The contract's endpoint table (`#shared/api/endpoints.ts`), for the code of the entry chunk: the
 * header's `me`, the reference data, the sign-in and the dashboard's feed. The table refers to every
 * feature's schemas; imported statically from there it would add them all (about 8 KB gzip) to the
 * first download. Loaded as its own chunk instead, starting as soon as the app starts, alongside the
 * first render. The features, themselves loaded on demand, import `endpoints` directly.
 */
const table = import('#shared/api/endpoints.ts').then(({ endpoints }) => endpoints);

export function loadEndpoints() {
  return table;
}
