import { InvalidArgumentError, PingOneError, PingOneSdkError } from '@pingone-sdk/core';
import { CommanderError } from 'commander';
import { exitCodes } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/**
 * Writes one failure for a person on stderr and answers the exit code. PingOne's answers show their
 * code, message, details and correlation id; the SDK's errors never carry a secret, so their message
 * is safe to print as it is.
 */
export function reportError(error: unknown, write: (line: string) => void): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.success : exitCodes.usage;
  if (error instanceof UsageError || error instanceof InvalidArgumentError) {
    write(`pingone: ${error.message}`);
    return exitCodes.usage;
  }
  if (error instanceof PingOneError) {
    write(`pingone: ${error.status} ${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' ').trim());
    for (const detail of error.details) {
      write(`  ${detail.code}${detail.target ? ` (${detail.target})` : ''}: ${detail.message}`);
    }
    if (error.correlationId) write(`  correlation id: ${error.correlationId}`);
    return exitCodes.failure;
  }
  if (error instanceof PingOneSdkError) {
    write(`pingone: ${error.name}: ${error.message}`);
    return exitCodes.failure;
  }
  write(`pingone: ${error instanceof Error ? error.message : String(error)}`);
  return exitCodes.failure;
}
