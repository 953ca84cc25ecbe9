import type { Logger } from '@pingone-sdk/core';

/** A logger that keeps every line, to prove what the SDK writes to logs. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (message) => void lines.push(message) };
}
