// Stands in for `brotli/decompress.js` in the Lambda bundles (see infra/bundling.ts): the reports
// embed TrueType fonts, never WOFF2, so fontkit never calls it.
export default function decompress() {
  throw new Error('WOFF2 fonts are not supported in this bundle: use a TrueType font.');
}
