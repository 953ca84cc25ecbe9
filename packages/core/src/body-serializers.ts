/**
 * Serialisers generated operations attach to form and multipart requests (hey-api's client contract).
 */

type FormValue =
  | string
  | number
  | boolean
  | Blob
  | null
  | undefined
  | ReadonlyArray<string | number | boolean>;

function entries(body: unknown): Array<[string, FormValue]> {
  return body && typeof body === 'object' ? (Object.entries(body) as Array<[string, FormValue]>) : [];
}

/** Sends an object as `application/x-www-form-urlencoded`; arrays repeat their key. */
export const urlSearchParamsBodySerializer = {
  /** Turns the operation's body object into form fields. */
  bodySerializer: (body: unknown): URLSearchParams => {
    const form = new URLSearchParams();
    for (const [name, value] of entries(body)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
      else form.append(name, String(value));
    }
    return form;
  },
};

/** Sends an object as `multipart/form-data`; Blobs become file parts. */
export const formDataBodySerializer = {
  /** Turns the operation's body object into multipart parts. */
  bodySerializer: (body: unknown): FormData => {
    const form = new FormData();
    for (const [name, value] of entries(body)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
      else form.append(name, value instanceof Blob ? value : String(value));
    }
    return form;
  },
};
