import { createContext } from '@lit/context';
import type { ApiClient } from '../api/client.js';
import type { Program } from '../api/schemas.js';
import type { GiftCardBalance } from '../api/gift-card-schemas.js';
import type { SupporterSelection } from '../events.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * What `<peer-support-provider>` gives every element inside it. Elements outside a provider fall
 * back to their own attributes and then to the defaults.
 */
export interface PeerConfig {
  /** Validated API base URL, or undefined when none (or an unsafe one) was given. */
  apiBase?: string;
  /** BCP 47 tag of the provider's `locale`, when set. */
  locale?: string;
  theme?: Theme;
  /** One client shared by every element inside the provider. */
  client?: ApiClient;
  /** The partner's program, once the provider has loaded it. */
  program?: Program;
  /** The latest supporter (and session) chosen by any element inside the provider. */
  selection?: SupporterSelection;
  /** A gift code the provider was given (its `gift-code`, or the page's link), and its check. */
  gift?: ProvidedGift;
}

/**
 * A gift code kept by the provider for every element inside it, with the API's answer about it:
 * asked once for all of them (lookups are rate-limited), and asked again, as a new object, after
 * a booking inside the provider was made or cancelled (either may change the balance).
 */
export interface ProvidedGift {
  code: string;
  /** The balance; rejects as the lookup did (404: no such card). */
  check: Promise<GiftCardBalance>;
}

/**
 * `Symbol.for` keeps the key identical across two copies of the library on one page, so a
 * provider from one copy still reaches elements from another.
 */
export const peerConfigContext = createContext<PeerConfig | undefined>(
  Symbol.for('peer-support-widgets.config'),
);
