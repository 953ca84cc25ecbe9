import type { Client, RequestResult, RequestSettings } from '@pingone-sdk/core';

/** What every upload function takes besides its file and fields. */
export interface FileUploadSettings extends RequestSettings {
  /**
   * The client to send with: the one made by `createManagementClient`.
   * @example createManagementClient({ environmentId, token })
   */
  client: Client;
  /**
   * Extra request headers, such as `X-Ping-External-Transaction-ID`. `Content-Type` is always the
   * multipart type the form settles.
   * @default {}
   * @example { 'X-Ping-External-Transaction-ID': 'deploy-42' }
   */
  headers?: Record<string, string | undefined>;
  /**
   * Cancels the upload, including reading a stream `body`.
   * @default undefined
   * @example AbortSignal.timeout(10_000)
   */
  signal?: AbortSignal;
}

/**
 * Posts a `multipart/form-data` form; the runtime sets its Content-Type with the boundary. A file part
 * keeps its File's name, else gets `fileName`.
 */
export function sendFileForm<TData>(
  settings: FileUploadSettings,
  url: string,
  path: Record<string, string | undefined>,
  parts: Record<string, string | Blob | undefined>,
  fileName: string,
): Promise<RequestResult<TData>> {
  const { client, headers, signal, ...rest } = settings;
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (value === undefined) continue;
    if (value instanceof Blob) {
      const ownName = (value as { name?: unknown }).name;
      form.append(name, value, typeof ownName === 'string' && ownName !== '' ? ownName : fileName);
    } else form.append(name, value);
  }
  const others = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'),
  );
  return client.post<{ 200: TData }>({ ...rest, url, path, body: form, headers: others, signal }) as Promise<
    RequestResult<TData>
  >;
}
