export * from './generated/index.js';
export { predictorOutcome } from './predictor-outcome.js';
