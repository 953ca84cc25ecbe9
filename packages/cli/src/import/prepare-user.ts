import { type BodyProblem, type BodyValidator, bodyValidator } from '../body-validator.js';
import { findOperation } from '../operation-lookup.js';

/** A row turned into the call that creates it. */
export interface PreparedUser {
  /** `importUser` when the row carries a password (hash), `createUser` otherwise. */
  operation: 'createUser' | 'importUser';
  body: Record<string, unknown>;
}

/** Fields PingOne sets itself; an exported file carries them and an import leaves them out. */
const serverFields = [
  'id',
  'createdAt',
  'updatedAt',
  'environment',
  '_links',
  '_embedded',
  'enabled',
  'lifecycle',
  'lastSignOn',
];

const validators = new Map<PreparedUser['operation'], BodyValidator>();

/** The body validator of an operation's schema, compiled on first use. */
function validatorOf(operation: PreparedUser['operation']): BodyValidator {
  let validator = validators.get(operation);
  if (!validator) {
    const entry = findOperation(operation);
    validator = bodyValidator(entry.service, entry.body?.schema);
    validators.set(operation, validator);
  }
  return validator;
}

/**
 * The body for one row, put in `populationId`, and what the spec's schema of that body says about it.
 * A row with a `password` is imported with it (PingOne's import action), keeping its `lifecycle`.
 */
export function prepareUser(
  row: Record<string, unknown>,
  populationId: string,
): { prepared: PreparedUser; problems: BodyProblem[] } {
  const operation = row.password !== undefined ? 'importUser' : 'createUser';
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (operation === 'importUser' && key === 'lifecycle') body[key] = value;
    else if (!serverFields.includes(key)) body[key] = value;
  }
  body.population = { id: populationId };
  return { prepared: { operation, body }, problems: validatorOf(operation)(body) };
}
