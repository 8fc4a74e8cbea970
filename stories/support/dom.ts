/** Reading an element of the package as a person does: its shadow tree, its texts, its buttons. */
import { expect, waitFor } from 'storybook/test';
import { loaded } from './timing.js';

type WaitOptions = Parameters<typeof waitFor>[1];

/** An element of the package: a Lit element, rendered into an open shadow root. */
export type RenderedElement = HTMLElement & { readonly updateComplete: Promise<unknown> };

/** The story's `<tag>`, upgraded and rendered once (possibly still loading). */
export async function rendered<E extends RenderedElement>(
  canvasElement: HTMLElement,
  tag: string,
): Promise<E> {
  await customElements.whenDefined(tag);
  const el = canvasElement.querySelector<E>(tag);
  if (!el?.shadowRoot) throw new Error(`<${tag}> did not render`);
  await el.updateComplete;
  return el;
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** Whitespace as a person reads it (and as `toHaveTextContent` compares it). */
export const normalize = (value: string | null | undefined): string =>
  (value ?? '').replace(/\s+/g, ' ').trim();

export const textOf = (el: Element | null | undefined): string => normalize(el?.textContent);

/** Every element below `scope`, in document order, each followed by its open shadow tree. */
function* descendants(scope: ParentNode): Generator<Element> {
  for (const el of scope.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* descendants(el.shadowRoot);
  }
}

/** Links inside `root`, its own shadow tree first, descending into open shadow roots. */
export function deepLinks(root: Element): HTMLAnchorElement[] {
  const scopes = root.shadowRoot ? [root.shadowRoot, root] : [root];
  return scopes
    .flatMap((scope) => [...descendants(scope)])
    .filter((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
}

/** A button by its visible text. */
export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? textOf(b) === label : label.test(textOf(b)),
  );
}

/** A button by its visible text, once it is there (by default, within a load). */
export async function findButton(
  root: ParentNode,
  label: string | RegExp,
  options: WaitOptions = loaded,
): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const found = button(root, label);
    if (!found) throw new Error(`no "${String(label)}" button yet`);
    return found;
  }, options);
}

/** A button by its visible text: there, and on screen. */
export async function expectButton(root: ParentNode, label: string): Promise<HTMLButtonElement> {
  const found = button(root, label);
  await expect(found, `a "${label}" button`).toBeDefined();
  await expect(found).toBeVisible();
  return found!;
}

/**
 * The first element in `root` that matches `selector`, once there (by default, within a load).
 * `what` names it in the failure.
 */
export async function appears<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
  what: string,
  options: WaitOptions = loaded,
): Promise<T> {
  return waitFor(() => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`no ${what} yet`);
    return found;
  }, options);
}

/** Every element in `root` that matches `selector`, once there is at least one. */
export async function appearAll<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
  what: string,
  options: WaitOptions = loaded,
): Promise<T[]> {
  return waitFor(() => {
    const found = [...root.querySelectorAll<T>(selector)];
    if (found.length === 0) throw new Error(`no ${what} yet`);
    return found;
  }, options);
}
