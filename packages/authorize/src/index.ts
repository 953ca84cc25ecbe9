export { type DecideApiCallOptions, decideApiCall } from './decide-api-call.js';
export * from './generated/index.js';
