/**
 * Route templates for the logs and the rate limits: `/api/bookings/{bookingId}`, from the contract's
 * endpoint table, so a log line names the operation without the values in its path.
 */
import { endpoints, type Endpoint } from '../../src/api/endpoints.js';

interface Template {
  method: string;
  pattern: RegExp;
  template: string;
}

export function apiTemplates(
  basePath: string,
): (method: string, pathname: string) => string | undefined {
  const templates: Template[] = (Object.values(endpoints) as Endpoint[]).map(
    ({ method, path }) => ({
      method,
      pattern: new RegExp(`^${escape(basePath + path).replace(/\\\{\w+\\\}/g, '[^/]+')}/?$`),
      template: basePath + path,
    }),
  );
  return (method, pathname) =>
    templates.find((t) => t.method === method && t.pattern.test(pathname))?.template;
}

/** A Hono route path (`/admin/bookings/:id/confirm`) written as the contract writes paths. */
export function fromHonoPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
