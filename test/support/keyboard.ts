/**
 * Keyboard-only helpers (QUALITY A2) for the flows of the data elements: every answer with
 * `sendKeys` (Tab, Shift+Tab, arrows, Space, Enter, typing), and checks of where the focus is as a
 * person would see it. Used by the booking's and the gift card's keyboard tests.
 */
import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ReactiveElement } from 'lit';
import { isShown } from './crisis.js';
import { until } from './until.js';

type Host = ReactiveElement;

/**
 * The page: a button, then the element `tag` with the mock's `api-base` and `attributes`. Focus
 * is on the button, outside the element, so that the test enters it with a real Tab.
 */
export async function renderAfterButton<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const host = await fixture<HTMLDivElement>(
    html`<div><button type="button" id="before">Before the element</button></div>`,
  );
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries({ 'api-base': '/api', ...attributes })) {
    el.setAttribute(name, value);
  }
  host.append(el);
  await (el as unknown as Host).updateComplete;
  host.querySelector<HTMLButtonElement>('#before')!.focus();
  return el;
}

/** After each test: no fixture left, the viewport back to its default. */
export async function cleanUp(): Promise<void> {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
}

export const root = (el: Element) => el.shadowRoot!;
export const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
export const textOf = (node: Element | null | undefined) => norm(node?.textContent);
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
export const heading = (el: Element) => textOf($(el, '#step-title'));
export const status = (el: Element) => textOf($(el, '[role=status]'));
export const fieldErrors = (el: Element) => $$(el, '[part=field-error]').map((e) => textOf(e));

/** The control focused inside the element; null when the focus is elsewhere on the page. */
export const focused = (el: Element): HTMLElement | null =>
  document.activeElement === el ? (root(el).activeElement as HTMLElement | null) : null;

export const describeNode = (node: Element | null | undefined): string =>
  node
    ? `<${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('name') ? ` name=${node.getAttribute('name')}` : ''}> "${(node.getAttribute('aria-label') ?? textOf(node)).slice(0, 50)}"`
    : 'nothing';
export const where = (el: Element) => {
  const inside = focused(el);
  return inside
    ? describeNode(inside)
    : `outside the element: ${describeNode(document.activeElement)}`;
};

export function expectFocus(el: Element, target: Element | null | undefined, what: string): void {
  expect(
    focused(el) === target,
    `${what}: focus is on ${where(el)}, expected ${describeNode(target)}`,
  ).to.be.true;
}

export async function settle(el: Host): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

/** One key as a person presses it, or text as they type it. */
export async function press(el: Host, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(el);
}
export async function type(el: Host, text: string): Promise<void> {
  await sendKeys({ type: text });
  await settle(el);
}

export type Match = (node: HTMLElement) => boolean;
export const isButton =
  (label: string | RegExp): Match =>
  (node) =>
    node.localName === 'button' &&
    (typeof label === 'string' ? textOf(node) === label : label.test(textOf(node)));
export const matches =
  (selector: string): Match =>
  (node) =>
    node.matches(selector);

/**
 * Presses Tab (or Shift+Tab) until the focus is on a control that `match`es, and returns it. Fails
 * when it is not reached within `max` presses, or when the focus leaves the element on the way:
 * the message lists every stop.
 */
export async function tabTo(
  el: Host,
  match: Match,
  what: string,
  { key = 'Tab', max = 30 }: { key?: 'Tab' | 'Shift+Tab'; max?: number } = {},
): Promise<HTMLElement> {
  const stops: string[] = [];
  for (let n = 0; n < max; n++) {
    await press(el, key);
    const now = focused(el);
    stops.push(where(el));
    if (!now) throw new Error(`${what}: ${key} left the element: ${stops.join(' → ')}`);
    if (match(now)) {
      expect(now.matches(':focus-visible'), `${what} shows its focus`).to.be.true;
      return now;
    }
  }
  throw new Error(`${what} is not reached by ${key}: ${stops.join(' → ')}`);
}

/** Waits for the step whose title (after "Step n of N:") is `title`. */
export async function at(el: Host, title: string, timeout = 4000): Promise<void> {
  await until(() => heading(el).endsWith(title), timeout).catch(() => {
    throw new Error(`expected the step "${title}", the heading is "${heading(el)}"`);
  });
  await settle(el);
}

/** The focus is on the open step's heading (moved there by the element, not by the test). */
export async function expectHeadingFocused(el: Host, what: string): Promise<void> {
  const title = $(el, '#step-title');
  await until(() => focused(el) === title, 2000).catch(() => undefined);
  expectFocus(el, $(el, '#step-title'), `${what}: the heading`);
}

/** Tab to Continue, Enter, and the next step is open with focus on its heading. */
export async function continueTo(el: Host, title: string): Promise<void> {
  const before = heading(el);
  await tabTo(el, isButton('Continue'), `Continue on "${before}"`);
  await press(el, 'Enter');
  await until(() => heading(el) !== before).catch(() => {
    throw new Error(`"${before}" did not go on: ${fieldErrors(el).join(' | ') || 'no error'}`);
  });
  await at(el, title);
  await expectHeadingFocused(el, title);
}

export const checkedLabel = (el: Element, name: string) => {
  const input = $$<HTMLInputElement>(el, `input[name=${name}]`).find((i) => i.checked);
  return input ? textOf($(el, `label[for=${CSS.escape(input.id)}]`)) : '';
};

/** Nothing reaches past the viewport's right edge: the page does not scroll sideways. */
export function expectFits(el: Element, what: string): void {
  const width = document.documentElement.clientWidth;
  expect(document.documentElement.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(
    width,
  );
  const wide = $$(el, '*')
    .filter((node) => isShown(node) && !node.closest('.vh'))
    .filter((node) => node.getBoundingClientRect().right > width + 0.5)
    .map((node) => describeNode(node));
  expect(wide, `${what}: past the right edge`).to.deep.equal([]);
}

/** The focused control is on screen and nothing (the sticky crisis line) covers its middle. */
export function expectInView(el: Element, node: HTMLElement, what: string): void {
  const rect = node.getBoundingClientRect();
  expect(
    rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth,
    `${what} is on screen: ${JSON.stringify(rect)}`,
  ).to.be.true;
  const hit = root(el).elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  expect(!!hit && node.contains(hit), `${what} is not covered: ${describeNode(hit)} is on top`).to
    .be.true;
}
