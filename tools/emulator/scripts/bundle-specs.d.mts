/** Bundles every spec/<service>/openapi.yaml into specs/<service>.json; returns the services that failed. */
export function bundleSpecs(options?: { quiet?: boolean }): string[];
