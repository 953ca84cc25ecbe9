/**
 * Exit codes, as scripts rely on them:
 * 1. 0 the command did what was asked;
 * 2. 1 a call failed (PingOne's code, message and correlation id go to stderr), or some rows failed;
 * 3. 2 the command line was wrong (usage), nothing was sent.
 */
export const exitCodes = { success: 0, failure: 1, usage: 2 } as const;
