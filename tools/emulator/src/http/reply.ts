/** What a behaviour answers; the server adds `Correlation-Id` and serializes `body` as JSON. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
