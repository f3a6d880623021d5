/**
 * The part of the Standard Schema interface (https://standardschema.dev) that parsing needs.
 * zod's schemas, full and mini, implement it: code that only parses can take a schema without
 * importing zod itself, so zod loads with the schemas that need it, not before.
 */
export interface ParsingSchema<T> {
  readonly '~standard': {
    readonly validate: (value: unknown) => SchemaResult<T> | Promise<SchemaResult<T>>;
  };
}

type SchemaResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string }> };

export type SafeParseResult<T> =
  | { success: true; data: T }
  | { success: false; issues: ReadonlyArray<{ readonly message: string }> };

/** Parses synchronously; an asynchronous schema counts as a failure (none of ours is one). */
export function safeParse<T>(schema: ParsingSchema<T>, value: unknown): SafeParseResult<T> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    return { success: false, issues: [{ message: 'Asynchronous schemas are not supported' }] };
  }
  return result.issues
    ? { success: false, issues: result.issues }
    : { success: true, data: result.value };
}
