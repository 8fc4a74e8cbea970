/**
 * Generates the OpenAPI 3.1 description of the backend from the schemas and the endpoint table, so
 * that partners implement exactly what the client validates. `npm run openapi` writes it to
 * `openapi.json`; a unit test fails when that file is stale.
 */
import * as z from 'zod/mini';
import { endpointDocs } from './endpoint-docs.js';
import { endpoints, type Endpoint, type EndpointName, type QueryParam } from './endpoints.js';
import * as common from './schemas.js';
import * as booking from './booking-schemas.js';
import * as gift from './gift-card-schemas.js';

const s = { ...common, ...booking, ...gift };

/** Version of the API contract (not of the package): bump on any change to the document. */
export const API_VERSION = '2.1.0';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Components, by name. The payloads of every endpoint must be here; a test checks it. */
const namedSchemas: Record<string, z.ZodMiniType> = {
  Booking: s.BookingSchema,
  BookingRequest: s.BookingRequestSchema,
  BookingStatus: s.BookingStatusSchema,
  Cancellation: s.CancellationSchema,
  CancellationRequest: s.CancellationRequestSchema,
  Certification: s.CertificationSchema,
  CrisisLine: s.CrisisLineSchema,
  ErrorBody: s.ErrorBodySchema,
  ErrorCode: s.ErrorCodeSchema,
  Facets: s.FacetsSchema,
  FieldError: s.FieldErrorSchema,
  GiftCardBalance: s.GiftCardBalanceSchema,
  GiftCardLookupRequest: s.GiftCardLookupRequestSchema,
  GiftCardPurchase: s.GiftCardPurchaseSchema,
  GiftCardPurchaseRequest: s.GiftCardPurchaseRequestSchema,
  MatchReason: s.MatchReasonSchema,
  MatchRequest: s.MatchRequestSchema,
  MatchResult: s.MatchResultSchema,
  Modality: s.ModalitySchema,
  Money: s.MoneySchema,
  NextAvailable: s.NextAvailableSchema,
  OpeningHours: s.OpeningHoursSchema,
  PaymentChoice: s.PaymentChoiceSchema,
  Pricing: s.PricingSchema,
  Program: s.ProgramSchema,
  RescheduleRequest: s.RescheduleRequestSchema,
  SessionLength: s.SessionLengthSchema,
  Slot: s.SlotSchema,
  SlotList: s.SlotListSchema,
  SupporterFilters: s.SupporterFiltersSchema,
  SupporterPage: s.SupporterPageSchema,
  SupporterProfile: s.SupporterProfileSchema,
  SupporterQuery: s.SupporterQuerySchema,
  SupporterSort: s.SupporterSortSchema,
  SupporterSummary: s.SupporterSummarySchema,
  Tag: s.TagSchema,
  TimeOfDay: s.TimeOfDaySchema,
};

/** Schemas of path parameters, by name; inlined rather than making every id a `$ref`. */
const pathParamSchemas: Record<string, { schema: z.ZodMiniType; description: string }> = {
  supporterId: { schema: s.IdSchema, description: "The supporter's id." },
  bookingId: { schema: s.IdSchema, description: "The booking's id." },
};

const errorResponses: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is malformed or fails validation.' },
  404: { name: 'NotFound', description: 'No such resource.' },
  409: {
    name: 'Conflict',
    description: 'The slot was taken meanwhile, or the booking can no longer change.',
  },
  422: {
    name: 'UnprocessableContent',
    description: 'Well-formed but refused: not eligible, gift card invalid or used, or too late.',
  },
  429: {
    name: 'TooManyRequests',
    description: 'Rate limited; retry after the delay in Retry-After.',
  },
  500: { name: 'InternalError', description: 'The server failed; the request may be retried.' },
};
const ALWAYS_DOCUMENTED_ERRORS = [400, 429, 500];

const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

function sortKeys<T extends Json>(value: T): T {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = value[key]!;
  return out as T;
}

/**
 * The string formats the schemas check with plain patterns (to keep zod's format schemas out of
 * the bundles) are named in the document too, for generators and validators that know them.
 */
const formats = new Map<unknown, string>([
  [s.DateTimeSchema, 'date-time'],
  [s.DateSchema, 'date'],
  [s.HttpsUrlSchema, 'uri'],
  [s.ImageUrlSchema, 'uri'],
  [s.EmailSchema, 'email'],
]);

/** Unions whose branches a field tells apart: exactly one branch matches (`oneOf`). */
const discriminated = new Set<unknown>([s.PricingSchema, s.PaymentChoiceSchema]);

const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = (ctx) => {
  const format = formats.get(ctx.zodSchema);
  if (format) ctx.jsonSchema.format = format;
  if (discriminated.has(ctx.zodSchema) && ctx.jsonSchema.anyOf) {
    ctx.jsonSchema.oneOf = ctx.jsonSchema.anyOf;
    delete ctx.jsonSchema.anyOf;
  }
};

/** A plain JSON Schema for one schema, without the `$schema` marker OpenAPI does not want. */
function inlineJsonSchema(schema: z.ZodMiniType): JsonObject {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    override,
  }) as JsonObject;
  return rest;
}

function componentSchemas(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(namedSchemas)) registry.add(schema, { id });
  // io 'input': the document describes the JSON on the wire, which both sides parse as input
  // (and unknown keys are stripped, not refused, so no `additionalProperties: false`).
  const generated = z.toJSONSchema(registry, {
    io: 'input',
    override,
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const out: JsonObject = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
    out[id] = rest;
  }
  // The page schema keeps `items: unknown[]` so the client can validate supporters one by one;
  // the server must still send supporter summaries.
  const page = out.SupporterPage as { properties: { items: JsonObject } };
  page.properties.items = { type: 'array', items: schemaRef('SupporterSummary') };
  return sortKeys(out);
}

function nameOf(schema: z.ZodMiniType, endpoint: EndpointName): string {
  const entry = Object.entries(namedSchemas).find(([, named]) => named === schema);
  if (!entry) throw new Error(`openapi: the schema of ${endpoint} has no component name`);
  return entry[0];
}

function queryParameter(param: QueryParam, description: string | undefined): JsonObject {
  const schema: JsonObject =
    param.type === 'string[]'
      ? { type: 'array', items: { type: 'string' } }
      : param.enum
        ? { type: param.type, enum: [...param.enum] }
        : { type: param.type };
  return {
    name: param.name,
    in: 'query',
    required: false,
    ...(description ? { description } : {}),
    schema,
    // `topics=a&topics=b`, as the client sends arrays.
    ...(param.type === 'string[]' ? { style: 'form', explode: true } : {}),
  };
}

function pathParameter(name: string): JsonObject {
  const known = pathParamSchemas[name];
  return {
    name,
    in: 'path',
    required: true,
    description: known?.description ?? name,
    schema: known ? inlineJsonSchema(known.schema) : { type: 'string' },
  };
}

function operation(name: EndpointName, endpoint: Endpoint): JsonObject {
  const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => pathParameter(m[1]!));
  const parameters: Json[] = [
    ...pathParams,
    ...(endpoint.query ?? []).map((param) =>
      queryParameter(param, endpointDocs[name].query?.[param.name]),
    ),
    { $ref: '#/components/parameters/AcceptLanguage' },
    ...(endpoint.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  const responses: JsonObject = {
    [String(endpoint.status)]: {
      description: endpoint.status === 201 ? 'Created.' : 'OK.',
      content: { 'application/json': { schema: schemaRef(nameOf(endpoint.response, name)) } },
    },
  };
  const errorStatuses = [...new Set([...ALWAYS_DOCUMENTED_ERRORS, ...(endpoint.errors ?? [])])];
  for (const status of errorStatuses.sort((a, b) => a - b)) {
    const known = errorResponses[status];
    responses[String(status)] = known
      ? { $ref: `#/components/responses/${known.name}` }
      : {
          description: `Error ${status}.`,
          content: { 'application/json': { schema: schemaRef('ErrorBody') } },
        };
  }
  return {
    operationId: name,
    summary: endpointDocs[name].summary,
    ...(endpointDocs[name].description ? { description: endpointDocs[name].description } : {}),
    parameters,
    ...(endpoint.request
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaRef(nameOf(endpoint.request, name)) },
            },
          },
        }
      : {}),
    responses,
  };
}

export function createOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase()] = operation(name, endpoint);
  }
  const sortedPaths: JsonObject = {};
  for (const path of Object.keys(paths).sort()) sortedPaths[path] = sortKeys(paths[path]!);

  const responses: JsonObject = {};
  for (const status of Object.keys(errorResponses).map(Number)) {
    const { name, description } = errorResponses[status]!;
    responses[name] = {
      description,
      ...(status === 429
        ? {
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before retrying.',
                schema: { type: 'integer', minimum: 0 },
              },
            },
          }
        : {}),
      content: { 'application/json': { schema: schemaRef('ErrorBody') } },
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Peer support widgets backend API',
      version: API_VERSION,
      description:
        'The API a partner hosts for the peer-support widgets. Times are ISO 8601 with an offset; ' +
        'money is an integer amount in minor units with an ISO 4217 currency. Personal data ' +
        'travels only in request bodies, never in URLs.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: 'https://partner.example/api',
        description: 'Placeholder: each partner hosts this API at its own https: URL.',
      },
    ],
    paths: sortedPaths,
    components: {
      schemas: componentSchemas(),
      responses: sortKeys(responses),
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'Locale of the labels in the response (tags, reasons).',
          schema: { type: 'string' },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'A UUID per logical submission, reused on every retry; the server performs a ' +
            'repeated key once and answers the first result again.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
    },
  };
}
