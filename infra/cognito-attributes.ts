/** `custom:organisation` -> `organisation`: Cognito adds the prefix itself to custom attributes. */
export function customAttributeName(claim: string): string {
  const prefix = 'custom:';
  if (!claim.startsWith(prefix)) throw new Error(`Claim ${claim} is not a Cognito custom attribute`);
  return claim.slice(prefix.length);
}
