/**
 * Loads the JWT verifier (jose's signature and claim checks, the remote key set) on the first
 * verification, so that a bundle which only signs users in, or only verifies later, does not load it up
 * front. Every later call reuses the same module.
 */
export const loadVerifier = (): Promise<typeof import('./verify-jwt.js')> => import('./verify-jwt.js');
