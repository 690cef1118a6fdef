/** A start-up problem the person running the product can fix; printed as one line, no stack trace. */
export class LocalSetupError extends Error {
  override name = 'LocalSetupError';
}
