/**
 * Takes the `gift` parameter out of the page's address, once, with `history.replaceState`, so that
 * a gift code reaches no analytics, referrer or shared link (QUALITY S4). Only where the host opted
 * in (`gift-code-from-url`).
 */
export function takeGiftCode(): string | undefined {
  const url = new URL(location.href);
  const code = url.searchParams.get('gift');
  if (code === null) return undefined;
  url.searchParams.delete('gift');
  history.replaceState(history.state, '', url.href);
  return code;
}
