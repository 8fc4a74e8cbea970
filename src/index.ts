/**
 * peer-support-widgets: side-effect free entry. Importing it registers nothing; import
 * `peer-support-widgets/define` (or one element's entry) to register the tags.
 */
export { CrisisBanner, type CrisisBannerVariant } from './elements/crisis-banner/crisis-banner.js';
export { PeerSupportProvider } from './elements/peer-support-provider/peer-support-provider.js';
export { PeerElement } from './internal/peer-element.js';
export { peerConfigContext, type PeerConfig, type Theme } from './config/context.js';
export { PeerErrorEvent, type PeerErrorDetail } from './events.js';
export {
  createApiClient,
  checkApiBase,
  ApiConfigError,
  type ApiClient,
  type ApiClientOptions,
  type RequestOptions,
  type SupporterPage,
} from './api/client.js';
export { ApiError, isApiError, type ApiErrorKind } from './api/errors.js';
export { endpoints, type EndpointName } from './api/endpoints.js';
export * from './api/schemas.js';
export type { Locale } from './i18n/types.js';
