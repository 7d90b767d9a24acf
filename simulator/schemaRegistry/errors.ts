// The registry's error responses: HTTP status + `{"error_code":…,"message":…}` with the exact texts of
// `rest/exceptions/Errors.java` and the `Rest*Exception` classes (Schema Registry 7.9).

export interface RestError {
  status: number;
  errorCode: number;
  message: string;
}

const notFound = (errorCode: number, message: string): RestError => ({ status: 404, errorCode, message });
// RestConstraintViolationException → 422 Unprocessable Entity.
const unprocessable = (errorCode: number, message: string): RestError => ({
  status: 422,
  errorCode,
  message,
});

export const restErrors = {
  /** 40401 `Errors.subjectNotFoundException`. */
  subjectNotFound: (subject: string) => notFound(40401, `Subject '${subject}' not found.`),
  /** 40402 `Errors.versionNotFoundException`. */
  versionNotFound: (version: number) => notFound(40402, `Version ${version} not found.`),
  /** 40403 `Errors.schemaNotFoundException()` (lookup under a subject). */
  schemaNotFound: () => notFound(40403, 'Schema not found'),
  /** 40403 `Errors.schemaNotFoundException(id)`. */
  schemaIdNotFound: (id: number | string) => notFound(40403, `Schema ${id} not found`),
  /** 40404 (the missing space after the first sentence is the registry's own). */
  subjectSoftDeleted: (subject: string) =>
    notFound(40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`),
  /** 40405 hard delete of a subject that was not soft-deleted first. */
  subjectNotSoftDeleted: (subject: string) =>
    notFound(40405, `Subject '${subject}' was not deleted first before being permanently deleted`),
  /** 40406 soft delete of an already soft-deleted version. */
  versionSoftDeleted: (subject: string, version: string) =>
    notFound(
      40406,
      `Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`,
    ),
  /** 40407 hard delete of a version that was not soft-deleted first. */
  versionNotSoftDeleted: (subject: string, version: string) =>
    notFound(
      40407,
      `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`,
    ),
  /** 40408 `GET /config/{subject}` without a subject-level setting. */
  subjectCompatibilityNotConfigured: (subject: string) =>
    notFound(40408, `Subject '${subject}' does not have subject-level compatibility configured`),
  /** 40409 `GET /mode/{subject}` without a subject-level setting. */
  subjectModeNotConfigured: (subject: string) =>
    notFound(40409, `Subject '${subject}' does not have subject-level mode configured`),
  /**
   * 409 `SubjectVersionsResource.register` wraps the checker's messages in this sentence. In 7.9 the body's
   * error_code is 409 too (`INCOMPATIBLE_SCHEMA_ERROR_CODE = CONFLICT`); 8.x servers answer 40901.
   */
  incompatibleSchema: (subject: string, messages: string[]): RestError => ({
    status: 409,
    errorCode: 409,
    message: `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${messages.join(', ')}]`,
  }),
  /** 42201 `RestInvalidSchemaException`. */
  invalidSchema: (message: string) => unprocessable(42201, message),
  /** 42202 `RestInvalidVersionException`. */
  invalidVersion: (version: string) =>
    unprocessable(
      42202,
      `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  /** 42203 `RestInvalidCompatibilityException()`. */
  invalidCompatibility: () =>
    unprocessable(
      42203,
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    ),
  /** 42204 `RestInvalidModeException()` (7.9 text). */
  invalidMode: () => unprocessable(42204, 'Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.'),
  /** 42205 `RestOperationNotPermittedException`. */
  operationNotPermitted: (message: string) => unprocessable(42205, message),
  /** 42208 `RestInvalidSubjectException` (the grammar slip is the registry's). */
  invalidSubject: (subject: string) =>
    unprocessable(42208, `The specified subject '${subject}' is not a valid.`),
  /** 50001 `RestSchemaRegistryStoreException` (the simulated `_schemas` topic is not writable). */
  store: (message: string): RestError => ({ status: 500, errorCode: 50001, message }),
  /** Jersey's own answers for an unknown path or method. */
  httpNotFound: (): RestError => ({ status: 404, errorCode: 404, message: 'HTTP 404 Not Found' }),
  methodNotAllowed: (): RestError => ({
    status: 405,
    errorCode: 405,
    message: 'HTTP 405 Method Not Allowed',
  }),
  /** Jackson could not read the body (rest-utils maps it to 400 with the parser's message; simplified text). */
  badJson: (detail: string): RestError => ({ status: 400, errorCode: 400, message: detail }),
  /** A JSON body without a required field (Bean Validation → 422 with error_code 422). */
  unprocessableEntity: (message: string): RestError => ({ status: 422, errorCode: 422, message }),
};

export function errorBody(error: RestError): { error_code: number; message: string } {
  return { error_code: error.errorCode, message: error.message };
}
