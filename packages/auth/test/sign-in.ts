/**
 * Drives the emulator's sign-on step the way a browser would: follow the authorize URL to the sign-on
 * step, post the user's credentials, and return the redirect back to the application.
 */
export async function signInThroughEmulator(
  authorizeUrl: string,
  username: string,
  password: string,
): Promise<URL> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const signOn = new URL(authorize.headers.get('location') ?? '');
  if (authorize.status !== 302 || !signOn.pathname.endsWith('/as/signon')) return signOn;
  const answer = await fetch(new URL(signOn.pathname, signOn), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ flowId: signOn.searchParams.get('flowId') ?? '', username, password }),
  });
  if (answer.status !== 302) throw new Error(`sign-on answered ${answer.status}: ${await answer.text()}`);
  return new URL(answer.headers.get('location') ?? '');
}
