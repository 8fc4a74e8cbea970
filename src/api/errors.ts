/**
 * The one error type the API client throws. Elements switch on `kind` to pick their error state
 * (QUALITY R1, R5) and on `retryable` to decide whether a retry button makes sense.
 */
import type * as z from 'zod/mini';
import type { EndpointName } from './endpoints.js';
import type { ErrorBody, ErrorCode } from './schemas.js';

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'validation' | 'aborted';

/** One validation problem: where, and what was expected. Never the offending value itself. */
export interface ApiIssue {
  /** Dot path into the payload, e.g. `seeker.email` or `items.3.name`; `(root)` for the whole. */
  path: string;
  message: string;
}

/**
 * An error body as the client accepts it: `ErrorBody`, whose code may also be one this version of
 * the contract does not list yet (a newer server's). Map the codes you know; treat others as a
 * generic failure.
 */
export interface ApiErrorBody {
  error: Omit<ErrorBody['error'], 'code'> & { code: ErrorCode | (string & {}) };
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  endpoint: EndpointName;
  message: string;
  status?: number | undefined;
  body?: ApiErrorBody | undefined;
  issues?: readonly ApiIssue[] | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** Operation name from the endpoint table, e.g. `createBooking`. */
  readonly endpoint: EndpointName;
  /** HTTP status, for kind `http` (and for `validation` of a response). */
  readonly status: number | undefined;
  /** The server's error body, when it had the shape of ErrorBodySchema (any code). */
  readonly body: ApiErrorBody | undefined;
  /** What did not match the schema, for kind `validation`. */
  readonly issues: readonly ApiIssue[] | undefined;
  /** Delay the server asked for (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.body = init.body;
    this.issues = init.issues;
    this.retryAfterMs = init.retryAfterMs;
  }

  /**
   * Whether trying again may succeed: transport failures, timeouts, 429 and 5xx. Not 4xx (the
   * request itself is wrong), not validation (the same bytes would fail again), not aborts (the
   * caller asked to stop).
   */
  get retryable(): boolean {
    const { kind, status = 0 } = this;
    return (
      kind === 'network' ||
      kind === 'timeout' ||
      (kind === 'http' && (status === 429 || status >= 500))
    );
  }
}

export function isApiError(x: unknown): x is ApiError {
  return x instanceof ApiError;
}

/**
 * zod/mini ships no locale, so every issue's own message is "Invalid input". Build a useful one
 * from the issue's fields, and never from its input: that may be the seeker's personal data.
 */
export function toApiIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ApiIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const union = issue.code === 'invalid_union' ? tagged(issue.errors) : undefined;
    if (union && 'issues' in union) return toApiIssues(union.issues, path);
    if (union) {
      return [
        {
          path: formatPath([...path, union.key]),
          message: `expected one of ${list(union.values)}`,
        },
      ];
    }
    return [{ path: formatPath(path), message: describeIssue(issue) }];
  });
}

/**
 * A union told apart by a field (`kind`, `model`): when every branch refused that field, the
 * useful message is its allowed values; when one branch accepted it, what that branch refused.
 */
function tagged(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): { key: PropertyKey; values: unknown[] } | { issues: readonly z.core.$ZodIssue[] } | undefined {
  const isTag = (i: z.core.$ZodIssue, key?: PropertyKey): i is z.core.$ZodIssueInvalidValue =>
    i.code === 'invalid_value' && i.path.length === 1 && (key === undefined || i.path[0] === key);
  const key = branches.flat().find((i) => isTag(i))?.path[0];
  if (key === undefined) return undefined;
  const refused = branches.map((issues) => issues.find((i) => isTag(i, key)));
  const accepted = branches.filter((_, n) => !refused[n]);
  if (accepted.length === 1) return { issues: accepted[0]! };
  if (accepted.length > 0) return undefined;
  return { key, values: refused.flatMap((t) => (t as z.core.$ZodIssueInvalidValue).values) };
}

/** `path: message` lines, as used in error messages and the list's rejected items. */
export function formatIssues(issues: readonly ApiIssue[]): string[] {
  return issues.map((i) => `${i.path}: ${i.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${list(issue.values)}`
        : `expected one of ${list(issue.values)}`;
    case 'invalid_union':
      return 'does not match any allowed variant';
    case 'invalid_format':
      // A format's own message (`z.regex(pattern, 'an email address')`) says what was expected.
      return issue.message && issue.message !== 'Invalid input'
        ? `expected ${issue.message}`
        : `does not match ${issue.pattern ?? 'the pattern'}`;
    case 'too_big':
      return `too big: ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}${unit(issue.origin)}`;
    case 'too_small':
      return `too small: ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}${unit(issue.origin)}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown keys ${list(issue.keys)}`;
    default:
      return issue.code.replace(/_/g, ' ');
  }
}

function unit(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}
