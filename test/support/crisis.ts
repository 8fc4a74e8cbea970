import { expect } from '@open-wc/testing';

/** Links inside `root`, descending into open shadow roots. */
export function deepLinks(root: ParentNode): HTMLAnchorElement[] {
  const found: HTMLAnchorElement[] = [];
  const visit = (node: ParentNode): void => {
    for (const el of node.querySelectorAll('*')) {
      // localName, not instanceof: the element may come from another frame (another realm).
      if (el.localName === 'a') found.push(el as HTMLAnchorElement);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  const host = root as Partial<Element>;
  if (host.shadowRoot) visit(host.shadowRoot);
  return [...new Set(found)];
}

/** True when a person can see the element: rendered, not hidden, with a size on screen. */
export function isShown(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  return (
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    rect.width > 0 &&
    rect.height > 0
  );
}

/**
 * What QUALITY C1 requires of every element in every state: 988 by call and by text, and 911,
 * shown as links a person can see and hit (A3: at least 44x44 CSS px).
 */
export function expectCrisisLine(root: Element): void {
  const links = deepLinks(root).filter(isShown);
  for (const href of ['tel:988', 'sms:988', 'tel:911']) {
    const link = links.find((a) => a.getAttribute('href') === href);
    expect(link, `a visible link to ${href}`).to.exist;
    const rect = link!.getBoundingClientRect();
    expect(rect.width, `${href} link width`).to.be.at.least(44);
    expect(rect.height, `${href} link height`).to.be.at.least(44);
  }
}
