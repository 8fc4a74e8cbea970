/**
 * The endpoint table: method, path, request and response schema of every operation the widgets
 * use. The client, the mock backend and the OpenAPI generator all read this one table; its prose
 * for the OpenAPI document is in `endpoint-docs.ts`, out of the bundles.
 */
import type * as z from 'zod/mini';
import { coreEndpoints } from './core-endpoints.js';
import { bookingEndpoints } from './booking-endpoints.js';
import { giftCardEndpoints } from './gift-card-endpoints.js';

export interface Endpoint {
  method: 'GET' | 'POST';
  /** Path below the API base; `{name}` marks a path parameter. */
  path: string;
  request?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** HTTP status of success. */
  status: 200 | 201;
  /**
   * Query parameters (GET only), documented for the OpenAPI document. Only ids and times belong
   * here: anything a seeker chooses or types travels in a request body (QUALITY S4).
   */
  query?: readonly QueryParam[];
  /** Error statuses this operation documents besides 400, 429 and 5xx. */
  errors?: readonly number[];
  /**
   * Changes state, so it requires an `Idempotency-Key` header: a repeated key is performed once
   * and answered with the first result (QUALITY R3). Not set on POSTs that only read (searches,
   * matching, gift card lookup), which are POSTs to keep their inputs out of URLs.
   */
  idempotent?: true;
  /**
   * Acts on one booking, so it requires that booking's manage token in the `X-Manage-Token`
   * header; a missing or wrong token is answered as an unknown booking is (404 `not-found`).
   */
  manageToken?: true;
}

export interface QueryParam {
  name: string;
  type: 'string' | 'integer' | 'string[]';
  enum?: readonly string[];
}

/**
 * Every operation. The client imports `coreEndpoints` (the program, supporters, slots, matching)
 * and the booking and gift-card tables only when one of their calls is made, so that their schemas
 * travel with the elements that use them (QUALITY P1).
 */
export const endpoints = {
  ...coreEndpoints,
  ...bookingEndpoints,
  ...giftCardEndpoints,
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
