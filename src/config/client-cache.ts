import { checkApiBase, createApiClient, type ApiClient } from '../api/client.js';

const clients = new Map<string, ApiClient>();
const refused = new Set<string>();

/**
 * One client per (base URL, locale), shared by every element on the page that is configured the
 * same way. A refused base URL (not https, nor http on localhost: QUALITY S5) gives `undefined`
 * and one clear console error.
 */
export function clientFor(apiBase: string, locale?: string): ApiClient | undefined {
  const key = `${apiBase}\n${locale ?? ''}`;
  const known = clients.get(key);
  if (known) return known;
  const check = checkApiBase(apiBase);
  if (!check.ok) {
    if (!refused.has(apiBase)) {
      refused.add(apiBase);
      console.error(`[peer-support-widgets] ${check.reason}`);
    }
    return undefined;
  }
  const client = createApiClient(locale ? { baseUrl: apiBase, locale } : { baseUrl: apiBase });
  clients.set(key, client);
  return client;
}

/** The reason a base URL is refused, or undefined when it is usable. */
export function refusalOf(apiBase: string): string | undefined {
  const check = checkApiBase(apiBase);
  return check.ok ? undefined : check.reason;
}
