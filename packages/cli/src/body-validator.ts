import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { commandTable } from './generated/commands.gen.js';

// ajv-formats is CommonJS; under NodeNext its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** One problem with a body: the dotted field path (empty for the whole body) and what is wrong. */
export interface BodyProblem {
  field: string;
  message: string;
}

/** Checks a value against a body schema of the spec; answers no problems when it fits. */
export type BodyValidator = (value: unknown) => BodyProblem[];

let ajv: Ajv2020 | undefined;

function validatorEngine(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
  addFormats(ajv);
  // OpenAPI's own formats carry no constraint a JSON value can break.
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
    ajv.addFormat(format, true);
  }
  return ajv;
}

function describe(error: ErrorObject): BodyProblem {
  const path = error.instancePath.split('/').slice(1).join('.');
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    return { field: path ? `${path}.${missing}` : missing, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    return { field: path ? `${path}.${extra}` : extra, message: 'is not a field of this body' };
  }
  return { field: path, message: error.message ?? 'is not valid' };
}

/** A validator for `schema` (which may `$ref` the service's components) of the generated table. */
export function bodyValidator(service: string, schema: unknown): BodyValidator {
  const components = { schemas: commandTable.schemas[service] ?? {} };
  const validate = validatorEngine().compile({
    ...(typeof schema === 'object' && schema !== null ? schema : {}),
    components,
  });
  return (value) => {
    if (validate(value)) return [];
    const seen = new Set<string>();
    return (validate.errors ?? []).map(describe).filter((problem) => {
      const key = `${problem.field}\0${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
}
