import { inspect } from 'node:util';

/**
 * Every way a secret could reach a user's logs from an error: its message and stack, `String()`,
 * `JSON.stringify`, `util.inspect` (deeply, hidden properties included), and the same for each `cause`.
 */
export function renderingsOf(error: unknown): string[] {
  const renderings: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    renderings.push(String(current), inspect(current, { depth: 8, showHidden: true }));
    try {
      renderings.push(JSON.stringify(current) ?? '');
    } catch {
      // A cycle is not a leak.
    }
    if (current instanceof Error) {
      renderings.push(current.message, current.stack ?? '');
      current = current.cause;
    } else {
      current = undefined;
    }
  }
  return renderings;
}

/** The secrets among `secrets` that appear in any rendering of `error` or in any of `lines`. */
export function leakedSecrets(
  secrets: readonly string[],
  error: unknown,
  lines: readonly string[] = [],
): string[] {
  const texts = [...renderingsOf(error), ...lines];
  return secrets.filter((secret) => texts.some((text) => text.includes(secret)));
}
