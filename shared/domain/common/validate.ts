import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { ALLOWED, refuse, type Decision } from './refusal';

/**
 * Checks `value` against `schema` and answers with a `validation_failed` refusal whose message names
 * the first offending field in plain words. Uses TypeBox's interpreter (no `eval`), so it runs under
 * the renderer's Content Security Policy too.
 */
export function validateAgainst(schema: TSchema, value: unknown, what = 'document'): Decision {
  if (Value.Check(schema, value)) return ALLOWED;
  const errors = Value.Errors(schema, value);
  // Prefer the most specific error: union branches report several, the leaf one says most.
  const first = errors.find((error) => error.keyword !== 'anyOf') ?? errors[0];
  if (!first) return refuse('validation_failed');
  const field = first.instancePath.replace(/^\//, '').replaceAll('/', '.') || what;
  return refuse('validation_failed', `${field}: ${describeError(first)}`);
}

interface SchemaError {
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

function describeError(error: SchemaError): string {
  switch (error.keyword) {
    case 'required':
      return `is missing ${formatList(error.params['requiredProperties'])}`;
    case 'additionalProperties':
      return `has an unknown field ${formatList(error.params['additionalProperties'])}`;
    case 'enum':
      return `must be one of ${formatList(error.params['allowedValues'])}`;
    case 'pattern':
      return 'is not in the expected format';
    default:
      return error.message;
  }
}

function formatList(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}
