/**
 * Where the SDK writes its debug lines. `console` fits, as does pino or any logger with `debug`.
 * Lines name the method, URL (without credentials), status, timing and retries; never headers or bodies.
 */
export interface Logger {
  /** Receives one debug line. */
  debug(message: string): void;
}
