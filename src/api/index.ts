/**
 * The backend contract without any DOM: schemas, endpoint table, typed client and errors. Safe to
 * import in Node (a server, a test, a script) as `peer-support-widgets/api`.
 */
export {
  createApiClient,
  checkApiBase,
  sharedDeadline,
  ApiConfigError,
  type ApiClient,
  type ApiClientOptions,
  type RequestOptions,
  type SupporterPage,
  type RejectedSupporter,
  type SlotQuery,
} from './client.js';
export {
  ApiError,
  isApiError,
  type ApiErrorBody,
  type ApiErrorKind,
  type ApiIssue,
} from './errors.js';
export { endpoints, type Endpoint, type EndpointName, type QueryParam } from './endpoints.js';
export * from './schemas.js';
export * from './booking-schemas.js';
export * from './gift-card-schemas.js';
export * from './booking-rules.js';
