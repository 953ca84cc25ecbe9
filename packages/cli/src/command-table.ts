/** The shape of the generated command table (src/generated/commands.gen.ts). */

/** One path or query parameter of an operation. */
export interface CommandParameter {
  name: string;
  required: boolean;
  /** The parameter's JSON type, `a|b` for an enumeration, `string[]` for a list. */
  type: string;
  description?: string;
}

/** One operation of an SDK package, callable as `pingone api <name>`. */
export interface CommandEntry {
  /** The SDK's function name, such as `listUsers`. */
  name: string;
  /** The package folder, `management` for `@pingone-sdk/management`. */
  service: string;
  /** The spec tag, such as `Users`. */
  family: string;
  summary: string;
  method: string;
  path: string;
  pathParameters: CommandParameter[];
  queryParameters: CommandParameter[];
  /** The request body: media type, whether it is required, and its JSON schema (refs into `schemas`). */
  body?: { contentType: string; required: boolean; schema: unknown };
  /** Whether the answer is a HAL page that `--all` can follow. */
  list: boolean;
}

export interface CommandTable {
  commands: CommandEntry[];
  /** `components.schemas` of each service, for validating bodies. */
  schemas: Record<string, Record<string, unknown>>;
}
