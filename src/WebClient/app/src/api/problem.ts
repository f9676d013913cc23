// RFC 9457 problem details from the API, turned into errors a screen can show at its fields.

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly fieldErrors: FieldErrors;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: ProblemDetails, retryAfterSeconds: number | null = null) {
    super(describe(status, problem, retryAfterSeconds));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fieldErrors = normalizeFieldErrors(problem.errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** A network failure (the server unreachable): not a problem the API sent. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The server cannot be reached. Check your connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

function describe(status: number, problem: ProblemDetails, retryAfterSeconds: number | null): string {
  if (status === 429) {
    return retryAfterSeconds ? `Too many attempts. Try again in ${retryAfterSeconds} s.` : 'Too many attempts. Try again shortly.';
  }

  return problem.detail || problem.title || `The request failed (${status}).`;
}

/**
 * The API names fields by their JSON path (`location.latitude`); a body it could not read may name them
 * as `$.birthDate`. Both become the form's field name.
 */
export function fieldKey(key: string): string {
  const path = key.replace(/^\$\.?/, '');
  return path.length === 0 ? '' : path[0]!.toLowerCase() + path.slice(1);
}

export function normalizeFieldErrors(errors: Record<string, unknown> | undefined | null): FieldErrors {
  const result: FieldErrors = {};
  if (!errors || typeof errors !== 'object') {
    return result;
  }

  for (const [key, value] of Object.entries(errors)) {
    const messages = Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : typeof value === 'string' ? [value] : [];
    if (messages.length === 0) {
      continue;
    }

    const field = fieldKey(key);
    result[field] = [...(result[field] ?? []), ...messages];
  }

  return result;
}

/**
 * Splits field errors into those a form shows at one of its fields (a nested path such as
 * `location.latitude` goes to `location` unless the form has that exact field) and the rest,
 * which the form shows above itself so that no message is lost.
 */
export function assignFieldErrors(errors: FieldErrors, formFields: readonly string[]): { byField: FieldErrors; unplaced: string[] } {
  const byField: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const field = formFields.includes(key) ? key : formFields.find((f) => key.startsWith(`${f}.`) || key.startsWith(`${f}[`));
    if (field) {
      byField[field] = [...(byField[field] ?? []), ...messages];
    } else {
      unplaced.push(...messages);
    }
  }

  return { byField, unplaced };
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) {
    return null;
  }

  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

/** Reads a failed response (problem JSON, or anything else) into an ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {};
  try {
    const text = await response.text();
    problem = problemFromText(text);
  } catch {
    // An unreadable body still leaves the status.
  }

  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

export function problemFromText(text: string): ProblemDetails {
  if (!text) {
    return {};
  }

  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ProblemDetails) : {};
  } catch {
    return {};
  }
}

/** What to tell a person about any error thrown by the client. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) {
    return error.message;
  }

  return 'Something went wrong. Try again.';
}
