/**
 * A constructed style sheet from a template literal without interpolations. Shared styles use it
 * instead of Lit's `css` tag so that the crisis banner, which has no LitElement, carries no
 * css-tag either (QUALITY P2); LitElement takes these sheets in `static styles` as they are.
 * Constructed sheets are applied with `adoptedStyleSheets`, which strict CSP allows.
 */
export function sheet(strings: TemplateStringsArray): CSSStyleSheet {
  const result = new CSSStyleSheet();
  result.replaceSync(strings.join(''));
  return result;
}
