/**
 * A mistake in how the command was called (a missing option, a malformed value, an unknown operation),
 * found before anything is sent. The CLI prints its message and exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
