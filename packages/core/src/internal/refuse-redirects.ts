/**
 * What the auth host is sent carries secrets in its body: client secrets, client assertions,
 * authorization codes, PKCE verifiers, refresh tokens, the passwords of the sign-on flow. fetch follows
 * a 307 or 308 to wherever it points with the same body, dropping only the Authorization header, so none
 * of these requests follows a redirect: the 3xx comes back and fails as a PingOneError with its status.
 * GET and HEAD carry no body and keep following (the authorize endpoint's own callers ask for 'manual').
 */
export function refuseRedirectsWithBody(custom: typeof fetch | undefined): typeof fetch {
  return (input, init) => {
    // Resolved per call, so that a fetch installed after the client was made (a test's mock) is used.
    const send = custom ?? globalThis.fetch;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method === 'GET' || method === 'HEAD') return send(input, init);
    return send(input, { ...init, redirect: 'manual' });
  };
}
