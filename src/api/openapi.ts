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

/**
 * Version of the API contract (not of the package): bump on any change to the document, the
 * major for a change an existing client or server breaks on, the minor for additions.
 */
export const API_VERSION = '5.2.0';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Components, by name. The payloads of every endpoint must be here; a test checks it. */
const namedSchemas: Record<string, z.ZodMiniType> = {
  Booking: s.BookingSchema,
  BookingCancellation: s.BookingCancellationSchema,
  BookingRequest: s.BookingRequestSchema,
  BookingStatus: s.BookingStatusSchema,
  Cancellation: s.CancellationSchema,
  CancellationRequest: s.CancellationRequestSchema,
  Certification: s.CertificationSchema,
  CreatedBooking: s.CreatedBookingSchema,
  CrisisLine: s.CrisisLineSchema,
  Eligibility: s.EligibilitySchema,
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
  404: {
    name: 'NotFound',
    description:
      'No such resource (`not-found`). For the operations on one booking, also a missing or ' +
      'wrong X-Manage-Token: the same status and body as an unknown booking. For a gift card ' +
      'lookup, any code that is not a card: unknown and wrong codes get the same answer.',
  },
  409: {
    name: 'Conflict',
    description:
      'The slot was taken meanwhile (`slot-taken`: reload the slots), or the booking can no ' +
      'longer change: already cancelled (`already-cancelled`) or declined by the supporter ' +
      '(`booking-declined`).',
  },
  422: {
    name: 'UnprocessableContent',
    description:
      'Well-formed but refused, each reason with its code and, where a field is at fault, its ' +
      '`fieldErrors`: `not-eligible` (`seeker.age`: `out_of_range` or `required`; ' +
      '`seeker.state`: `not_served`, or `not_certified` for the supporter); ' +
      '`payment-below-minimum` and ' +
      '`payment-above-maximum` (`payment.amount`); `payment-kind-not-accepted` (`payment.kind`); ' +
      '`gift-card-invalid` (unknown, expired, or not yet paid and delivered), `gift-card-used` ' +
      'and `gift-card-wrong-length` (a card for another session length), each on ' +
      '`payment.code`; `slot-not-offered` ' +
      '(`slotStart`: a time the supporter never offered, unlike `slot-taken`); `too-late`; ' +
      '`idempotency-key-reused`; `invalid-request` (`lengthMinutes`, `modality`; for a gift ' +
      'card purchase `sessions` `out_of_range`, `lengthMinutes` `required` or `not_offered`, ' +
      '`deliverOn` `in_past`, `timeZone` `invalid`); `gift-cards-disabled` (a purchase where ' +
      'the program sells no gift cards).',
  },
  413: {
    name: 'ContentTooLarge',
    description:
      'The request body is larger than the server accepts (`invalid-request`; the reference ' +
      'server takes 16 KB, far more than any request of this API needs).',
  },
  429: {
    name: 'TooManyRequests',
    description:
      'Rate limited (`rate-limited`); retry after the delay in Retry-After. Gift card lookups ' +
      'are always limited (the reference mock: 10 a minute), so codes cannot be tried in bulk.',
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

const MINOR_UNITS = 'Integer amount in minor units of the currency (cents for USD): 4500 is 45.00.';
const optionalInner = (schema: z.ZodMiniOptional) => schema._zod.def.innerType;
const slidingScale = s.PaymentChoiceSchema._zod.def.options[0];
const eligibility = s.EligibilitySchema.shape;
const seeker = s.BookingRequestSchema.shape.seeker.shape;
const giftCards = s.ProgramSchema.shape.giftCards.shape;

/**
 * Descriptions the document gives to schemas that the bundles carry without them: every money
 * field says it is in minor units, where the schema itself does (QUALITY P1: no prose in bundles).
 * A key is one schema object wherever it is used, so a schema shared by many fields (a URL, a
 * state code) is described through the field's own `z.optional` wrapper, never itself.
 */
const descriptions = new Map<unknown, string>([
  [s.MoneySchema.shape.amount, MINOR_UNITS],
  [s.SlidingScalePricingSchema.shape.suggested, `Suggested amount. ${MINOR_UNITS}`],
  [s.SlidingScalePricingSchema.shape.minimum, `Lowest amount accepted. ${MINOR_UNITS}`],
  [
    optionalInner(s.SlidingScalePricingSchema.shape.maximum),
    `Highest amount accepted. ${MINOR_UNITS}`,
  ],
  [s.FixedPricingSchema.shape.price, `Price per session. ${MINOR_UNITS}`],
  [
    s.SlidingScalePricingSchema.shape.byLength,
    'Amounts for particular session lengths, one entry per length. An entry replaces all three ' +
      'top-level amounts (suggested, minimum, maximum) for sessions of its length: an entry ' +
      'without maximum has no maximum. Other lengths use the top-level amounts.',
  ],
  [
    s.FixedPricingSchema.shape.byLength,
    'Prices for particular session lengths, one entry per length, each replacing the top-level ' +
      'price for sessions of its length. Other lengths cost the top-level price.',
  ],
  [
    s.EligibilitySchema,
    'Who may book, with the least data: the state where the seeker lives and, only when the ' +
      'program has an age limit, their age or only whether they are within the range.',
  ],
  [eligibility.states, 'The states the program serves (where the seeker lives).'],
  [
    eligibility.minAge,
    'Youngest age served, inclusive. Without minAge and maxAge the program has no age limit and ' +
      'a booking carries no age; either bound may stand alone (minAge 18 alone: 18 and older).',
  ],
  [eligibility.maxAge, 'Oldest age served, inclusive.'],
  [
    eligibility.ageQuestion,
    'How a booking asks about age when the program has a limit. `age` (the default): the ' +
      'seeker\'s age, sent as seeker.age. `range`: only a yes or no ("Are you between 18 and ' +
      '30?"), sent as seeker.ageInRange: true instead of an age. Ignored without a limit.',
  ],
  [
    eligibility.referralUrl,
    "The program's page of other places to find support, shown to someone it cannot serve.",
  ],
  [
    seeker.age,
    "The seeker's age. Required when the program has an age limit (eligibility.minAge or " +
      'maxAge), unless its ageQuestion is `range` and ageInRange is sent; it must then be within ' +
      'the limits (else 422 `not-eligible`, seeker.age `out_of_range`; missing: `required`). ' +
      'Ignored when the program has no age limit.',
  ],
  [
    seeker.ageInRange,
    "The seeker's yes to whether they are within the program's age range, instead of an age: " +
      "accepted when the program's eligibility.ageQuestion is `range`, ignored otherwise.",
  ],
  [
    s.ProgramSchema.shape.giftCards.shape.pricePerSession,
    'Price of one gifted session, whatever its length. Absent: priced from `pricing`: the ' +
      "price (fixed) or the suggested amount (sliding scale) for the card's length, byLength " +
      'included; for a card of any length, the most any of sessionLengths costs; 0 when free. ' +
      MINOR_UNITS,
  ],
  [
    giftCards.maxSessions,
    'Most sessions one card holds; a purchase may choose any number from 1 to this.',
  ],
  [
    giftCards.packages,
    'Package sizes offered (numbers of sessions, for example [1, 3, 5]), each at most ' +
      'maxSessions. A purchase may still choose another number within maxSessions.',
  ],
  [
    giftCards.anyLength,
    'true: a gift session covers a session of any length, and cards have no lengthMinutes. ' +
      'false or absent: the purchase chooses one length, and a booking of another length is ' +
      'refused (422 `gift-card-wrong-length`).',
  ],
  [
    giftCards.expiresAfterYears,
    'Years after purchase a card expires. Absent (the default): cards never expire. When set, ' +
      'at least 5: US federal law (the CARD Act) sets five years as the minimum, and some ' +
      'states go further (California largely bars expiry dates on gift cards).',
  ],
  [
    s.GiftCodeSchema,
    'A gift card code, a bearer secret: 4 to 8 groups of 4 capitals or digits (at least 16 ' +
      'symbols, over 80 bits), drawn at random from a cryptographic source. Sent only in the ' +
      "recipient's email and in request bodies, never in a purchase answer or a URL the API reads.",
  ],
  [
    s.GiftCardBalanceSchema.shape.status,
    '`pending`: bought but not yet paid or delivered (it works from its delivery date once ' +
      'paid); `active`: sessions left; `used`: none left; `expired`: past expiresOn.',
  ],
  [
    s.GiftCardBalanceSchema.shape.usedUpAt,
    'When the last session was used; the backend then emails the purchaser. Cleared if a ' +
      'session is given back (a free cancellation, a decline).',
  ],
  [
    s.GiftCardPurchaseRequestSchema.shape.sessions,
    "Number of sessions, 1 to the program's giftCards.maxSessions (else 422 `out_of_range`).",
  ],
  [
    s.GiftCardPurchaseRequestSchema.shape.lengthMinutes,
    "The session length the card pays for. Required unless the program's giftCards.anyLength " +
      'is true (then ignored).',
  ],
  [
    s.GiftCardPurchaseRequestSchema.shape.recipient,
    'Who receives the card by email. Absent: the card is for the purchaser.',
  ],
  [
    s.GiftCardPurchaseRequestSchema.shape.deliverOn,
    "Date the recipient's email is sent, a date in timeZone (the purchaser's IANA zone). " +
      'Absent: today. Never before today in timeZone (else 422 `in_past`).',
  ],

  [slidingScale.shape.amount, `The amount the seeker chose. ${MINOR_UNITS}`],
  [
    s.ProgramSchema.shape.cancellation.shape.windowHours,
    'Cancelling at least this many hours before the start costs nothing: exactly this many ' +
      'hours before counts as in time.',
  ],
  [
    s.BookingCancellationSchema.shape.withinFreeWindow,
    "Whether the cancellation came at least the program's windowHours before the start, the " +
      'boundary included.',
  ],
  [
    s.ManageTokenSchema,
    'Secret of one booking: at least 128 bits of randomness from a cryptographic source. ' +
      'Only the answer to its creation carries it; send it in the X-Manage-Token header.',
  ],
]);

/** Unions whose branches a field tells apart: exactly one branch matches (`oneOf`). */
const discriminated = new Set<unknown>([s.PricingSchema, s.PaymentChoiceSchema]);

const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = (ctx) => {
  const format = formats.get(ctx.zodSchema);
  if (format) ctx.jsonSchema.format = format;
  const description = descriptions.get(ctx.zodSchema);
  if (description) ctx.jsonSchema.description = description;
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
    ...(endpoint.manageToken ? [{ $ref: '#/components/parameters/ManageToken' }] : []),
  ];
  const responses: JsonObject = {
    [String(endpoint.status)]: {
      description: endpoint.status === 201 ? 'Created.' : 'OK.',
      content: { 'application/json': { schema: schemaRef(nameOf(endpoint.response, name)) } },
    },
  };
  // An operation with a body may meet a server's size limit.
  const errorStatuses = [
    ...new Set([
      ...ALWAYS_DOCUMENTED_ERRORS,
      ...(endpoint.request ? [413] : []),
      ...(endpoint.errors ?? []),
    ]),
  ].sort((a, b) => a - b);
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

const IDEMPOTENCY_RULES =
  'A UUID per logical submission (one body), reused on every retry of it. The rules: ' +
  '(1) a key belongs to its operation: the same key on another operation is another key. ' +
  '(2) The same key with the same body (the same JSON, key order aside; for the operations on ' +
  'a booking, the same booking) is performed once: every repeat gets the first answer again, ' +
  "the same status and body (a new booking's manage token included). " +
  '(3) The same key with another body is refused with 422 `idempotency-key-reused`, and nothing ' +
  'is done. (4) The answer remembered is the first one the operation decided: a success or a ' +
  'refusal (404, 409, 422). A 400, a 429 and any 5xx are not remembered: trying again performs ' +
  'the request afresh. A missing or wrong X-Manage-Token is answered before the key is looked ' +
  'at and does not use it up. (5) A repeat that arrives while the first is still being ' +
  'performed waits for it and gets its answer, so ten identical concurrent submissions make ' +
  'one booking. Keys are kept at least 24 hours.';

const MANAGE_TOKEN_RULES =
  'The manage token of the booking in the path, from the answer to its creation ' +
  '(`CreatedBooking.manageToken`). Required: a missing or wrong token is answered exactly as an ' +
  'unknown booking is (404 `not-found`, the same body). A header and never a path or query ' +
  'parameter, so that it stays out of access logs, proxies and browser history; servers must ' +
  'not log it, store only a hash of it (SHA-256) and compare in constant time. Browsers on ' +
  'another origin need it in Access-Control-Allow-Headers.';

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
          description: IDEMPOTENCY_RULES,
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        ManageToken: {
          name: 'X-Manage-Token',
          in: 'header',
          required: true,
          description: MANAGE_TOKEN_RULES,
          schema: inlineJsonSchema(s.ManageTokenSchema),
        },
      },
    },
  };
}
