/**
 * The contract suite's HTTP helpers: one typed call per operation of the endpoint table, raw fetch
 * and JSON only, and the checks every answer gets whatever the test asserts next: JSON, a 2xx with
 * the operation's status and a body valid against its response schema, any other status with the
 * contract's error body.
 */
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointName } from '../../src/api/endpoints.js';
import {
  ErrorBodySchema,
  SupporterSummarySchema,
  type ErrorBody,
  type FieldError,
} from '../../src/api/schemas.js';
import type { ContractBackend } from './control.js';

type Endpoints = typeof endpoints;

/** The body an operation takes, as sent on the wire. */
export type RequestOf<K extends EndpointName> = Endpoints[K] extends {
  request: infer S extends z.ZodMiniType;
}
  ? z.input<S>
  : never;

/** The body of an operation's success. */
export type ResponseOf<K extends EndpointName> = z.infer<Endpoints[K]['response']>;

export interface CallOptions<K extends EndpointName> {
  /** Path parameters: `{ supporterId: 'sup-001' }`. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: RequestOf<K>;
  /** Sent as it is instead of `body`: malformed JSON, or JSON the contract refuses. */
  rawBody?: string;
  /**
   * The Idempotency-Key: a fresh UUID by default on the operations that need one (none on the
   * others); `null` sends none.
   */
  key?: string | null;
  /** The X-Manage-Token header. */
  token?: string;
  headers?: Record<string, string>;
}

export interface Reply<K extends EndpointName> {
  operation: K;
  status: number;
  headers: Headers;
  /** The parsed JSON body. */
  body: unknown;
  /** The body as sent, to check what it must never contain. */
  text: string;
}

export type ApiError = ErrorBody['error'];

/** A compact account of a reply for assertion messages. */
export const show = (reply: Reply<EndpointName>) =>
  `${reply.operation} answered ${reply.status}: ${reply.text.slice(0, 600)}`;

function schemaProblems(schema: z.ZodMiniType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : JSON.stringify(parsed.error.issues.slice(0, 5));
}

export function createApi(backend: ContractBackend) {
  const base = backend.baseUrl.replace(/\/+$/, '');

  function urlOf(endpoint: Endpoint, options: CallOptions<EndpointName>): string {
    const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = options.params?.[name];
      assert.ok(value !== undefined, `path parameter ${name} is missing`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams(options.query ?? {}).toString();
    return `${base}${path}${query ? `?${query}` : ''}`;
  }

  /** Calls `operation` and checks the answer's form (not what it says: the test does that). */
  async function call<K extends EndpointName>(
    operation: K,
    options: CallOptions<K> = {},
  ): Promise<Reply<K>> {
    const endpoint: Endpoint = endpoints[operation];
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const payload =
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const key = options.key === undefined && endpoint.idempotent ? randomKey() : options.key;
    if (typeof key === 'string') headers['Idempotency-Key'] = key;
    if (options.token !== undefined) headers['X-Manage-Token'] = options.token;

    const response = await backend.fetch(urlOf(endpoint, options), {
      method: endpoint.method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await response.text();
    const reply: Reply<K> = {
      operation,
      status: response.status,
      headers: response.headers,
      body: undefined,
      text,
    };
    try {
      reply.body = JSON.parse(text);
    } catch {
      assert.fail(`${operation} answered ${response.status} with a body that is not JSON: ${text}`);
    }
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json\b/, show(reply));

    if (response.status >= 200 && response.status < 300) {
      assert.equal(response.status, endpoint.status, show(reply));
      const problems = schemaProblems(endpoint.response, reply.body);
      assert.equal(problems, undefined, `${show(reply)}\nbreaks its response schema: ${problems}`);
      if (operation === 'listSupporters') {
        for (const item of (reply.body as { items: unknown[] }).items) {
          const bad = schemaProblems(SupporterSummarySchema, item);
          assert.equal(bad, undefined, `a supporter breaks SupporterSummary: ${bad}`);
        }
      }
    } else {
      const problems = schemaProblems(ErrorBodySchema, reply.body);
      assert.equal(problems, undefined, `${show(reply)}\nbreaks the error body: ${problems}`);
    }
    return reply;
  }

  return { call };
}

export const randomKey = () => crypto.randomUUID();

/** The success body, after checking that the operation succeeded. */
export function ok<K extends EndpointName>(reply: Reply<K>): ResponseOf<K> {
  assert.equal(reply.status, endpoints[reply.operation].status, show(reply));
  return reply.body as ResponseOf<K>;
}

/** The error, after checking the status and the code. */
export function refused(reply: Reply<EndpointName>, status: number, code: string): ApiError {
  assert.equal(reply.status, status, show(reply));
  const { error } = reply.body as ErrorBody;
  assert.equal(error.code, code, show(reply));
  return error;
}

/** `field code` of every field error, sorted, for comparing with a literal list. */
export function fieldErrors(error: ApiError): string[] {
  return (error.fieldErrors ?? []).map((e: FieldError) => `${e.field} ${e.code}`).sort();
}

/** The fields at fault, sorted (for errors whose field codes the contract leaves open). */
export function faultyFields(error: ApiError): string[] {
  return [...new Set((error.fieldErrors ?? []).map((e: FieldError) => e.field))].sort();
}

/** The error body without its `requestId`, which may differ between two equal answers. */
export function withoutRequestId(reply: Reply<EndpointName>): unknown {
  const error: Partial<ApiError> = { ...(reply.body as ErrorBody).error };
  delete error.requestId;
  return { error };
}
