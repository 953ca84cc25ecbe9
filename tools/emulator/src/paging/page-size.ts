/**
 * Page size when a request gives no `limit`. PingOne answers "the lesser of the service's maximum
 * page size or the collection size" and documents 200 for users while warning that pages "may be
 * smaller". 100 stays below that documented size and makes clients page through modest collections,
 * which is what they must be ready for; they are told to read `size`, not to assume a page size.
 */
export const defaultPageSize = 100;

/** Largest `limit` when the spec declares no `maximum` for it (the users list declares 1000). */
export const fallbackMaximumPageSize = 1000;
