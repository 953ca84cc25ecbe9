/** How an API server operation's path pattern is compared with a request path (spec: ApiServerPathPatternType). */
export type PathPatternType = 'EXACT' | 'PARAMETER';

/**
 * Whether `path` (below the API server's base URL, starting with `/`) matches `pattern`.
 * 1. A trailing `/` is ignored on both sides, so `/invoices/` and `/invoices` are the same path.
 * 2. EXACT: the two paths are equal, case-sensitively (paths are case-sensitive in URLs).
 * 3. PARAMETER: segment by segment, `{name}` and `*` match any one non-empty segment, any other
 *    segment matches itself, and a final `**` matches the rest of the path (also nothing).
 */
export function pathMatches(pattern: string, type: PathPatternType, path: string): boolean {
  const wanted = trimSlash(pattern);
  const actual = trimSlash(path);
  if (type === 'EXACT') return wanted === actual;
  const patternSegments = segments(wanted);
  const pathSegments = segments(actual);
  for (let index = 0; index < patternSegments.length; index++) {
    const segment = patternSegments[index] as string;
    if (segment === '**' && index === patternSegments.length - 1) return true;
    const value = pathSegments[index];
    if (value === undefined || value === '') return false;
    if (segment === '*' || /^\{[^{}]+\}$/.test(segment)) continue;
    if (segment !== value) return false;
  }
  return patternSegments.length === pathSegments.length;
}

/**
 * The path of `url` below `baseUrl`, or undefined when the URL is not under it: same origin (scheme,
 * host, port, compared as URLs normalise them), and the base path is a whole-segment prefix.
 */
export function pathBelow(baseUrl: string, url: URL): string | undefined {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (base.origin !== url.origin) return undefined;
  const basePath = trimSlash(base.pathname);
  const path = trimSlash(url.pathname);
  if (basePath === '') return path === '' ? '/' : path;
  if (path === basePath) return '/';
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : undefined;
}

function trimSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

function segments(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/');
}
