type Child = Node | string | false | null | undefined;

/**
 * Builds an element with attributes and children. Strings become text nodes, never markup, so
 * nothing here parses HTML (QUALITY S2) and Trusted Types have nothing to police. Used by the
 * crisis banner, which stays free of any template library to fit its budget (QUALITY P2).
 */
export function h(
  tag: string,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...(children.filter((child) => child || child === '') as (Node | string)[]));
  return element;
}
