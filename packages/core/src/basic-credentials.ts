/**
 * The HTTP Basic credentials of an OAuth client (`client_secret_basic`). RFC 6749 §2.3.1: the id and
 * secret are form-encoded before they are joined and base64-encoded, so `:` or non-ASCII in a secret
 * survives the trip.
 *
 * @example
 * headers.set('Authorization', basicCredentials(clientId, clientSecret));
 */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  const bytes = new TextEncoder().encode(`${encode(clientId)}:${encode(clientSecret)}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
