import { isObject } from '@pingone-sdk/openapi';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

/** Forms: PingOne lists the field types a form uses in `fieldTypes`, for searching forms. */
export const formBehaviours: BehaviourFamily = {
  createForm: (context) => generic.create(context, withFieldTypes(context)),
  replaceForm: (context) => generic.replace(context, withFieldTypes(context)),
};

function withFieldTypes(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  const fields =
    isObject(body.components) && Array.isArray(body.components.fields) ? body.components.fields : [];
  const fieldTypes = [...new Set(fields.filter(isObject).map((field) => String(field.type)))];
  return { ...body, fieldTypes };
}
