/** Where the smoke program finds the emulator, and the worker credentials it signs in with. */
export interface SmokeTarget {
  apiUrl: string;
  authUrl: string;
  environmentId: string;
  clientId: string;
  clientSecret: string;
}
