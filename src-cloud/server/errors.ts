/** The cloud API's error codes: a closed list, each with its HTTP status. */
export const CLOUD_ERRORS = {
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  SUSPENDED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SEQ_GAP: 409,
  PAYLOAD_TOO_LARGE: 413,
  THROTTLED: 429,
  INTERNAL: 500,
} as const;
export type CloudErrorCode = keyof typeof CLOUD_ERRORS;

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get status(): number {
    return CLOUD_ERRORS[this.code];
  }
}

export const notFound = (what = 'Not found') => new CloudError('NOT_FOUND', what);
