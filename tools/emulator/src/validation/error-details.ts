import type { ErrorObject } from 'ajv';
import type { ErrorDetail } from '../http/api-error.js';

/**
 * Turns ajv's errors into PingOne's `details[]`: one entry per offending field, `target` in dotted
 * form (`name.given`, `emails[0]`), `code` REQUIRED_VALUE / INVALID_VALUE / OUT_OF_RANGE.
 */
export function toErrorDetails(errors: readonly ErrorObject[], prefix = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Combinator errors only repeat what their branches said; keep them only when alone.
    if (
      (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') &&
      errors.length > 1
    )
      continue;
    const detail = toDetail(error, prefix);
    const key = `${detail.code}|${detail.target}|${detail.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  return details;
}

function toDetail(error: ErrorObject, prefix: string): ErrorDetail {
  const path = joinTarget(prefix, toTarget(error.instancePath));
  const parameters = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const target = joinTarget(path, String(parameters.missingProperty));
      return { code: 'REQUIRED_VALUE', target, message: `${target} is required.` };
    }
    case 'additionalProperties': {
      const target = joinTarget(path, String(parameters.additionalProperty));
      return { code: 'INVALID_VALUE', target, message: `${target} is not an attribute of this resource.` };
    }
    case 'enum':
      return {
        code: 'INVALID_VALUE',
        target: path,
        message: `${path || 'value'} must be one of ${(parameters.allowedValues as unknown[]).join(', ')}.`,
        innerError: { allowedValues: parameters.allowedValues },
      };
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        code: 'OUT_OF_RANGE',
        target: path,
        message: `${path || 'value'} ${error.message ?? 'is too small'}.`,
        innerError: { rangeMinimumValue: parameters.limit },
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        code: 'OUT_OF_RANGE',
        target: path,
        message: `${path || 'value'} ${error.message ?? 'is too large'}.`,
        innerError: { rangeMaximumValue: parameters.limit },
      };
    case 'pattern':
      return {
        code: 'INVALID_VALUE',
        target: path,
        message: `${path || 'value'} must match the pattern ${String(parameters.pattern)}.`,
        innerError: { allowedPattern: parameters.pattern },
      };
    default:
      return {
        code: 'INVALID_VALUE',
        target: path,
        message: `${path || 'value'} ${error.message ?? 'is not valid'}.`,
      };
  }
}

/** `/name/given` → `name.given`; `/emails/0/value` → `emails[0].value`. */
function toTarget(instancePath: string): string {
  let target = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    target = /^\d+$/.test(part) ? `${target}[${part}]` : joinTarget(target, part);
  }
  return target;
}

function joinTarget(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  return `${left}.${right}`;
}
