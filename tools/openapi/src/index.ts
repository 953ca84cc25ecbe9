export type * from './openapi-types.js';
export { httpMethods } from './openapi-types.js';
export {
  expandActions,
  listActions,
  listOperations,
  type RequestAction,
  type SpecOperation,
} from './operations.js';
export {
  follow,
  isObject,
  type Resolved,
  readPointer,
  referenceName,
  resolveReference,
} from './references.js';
