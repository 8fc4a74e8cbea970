/** The crisis line every element shows, in every state (C1), as targets a finger can hit (A3). */
import { expect, waitFor } from 'storybook/test';
import { deepLinks, normalize } from './dom.js';

/** 988 by call and by text, and 911. */
export const crisisHrefs = ['tel:988', 'sms:988', 'tel:911'] as const;

/** How the crisis links read in one language: from a story's own `says` table. */
export interface CrisisLabels {
  readonly call988: string;
  readonly text988: string;
  readonly call911: string;
}

/** A3: the link to `href` is at least 44x44 CSS px. */
export async function expectTapTarget(link: Element, href: string): Promise<void> {
  const { width, height } = link.getBoundingClientRect();
  await expect(Math.min(width, height), `size of the ${href} link`).toBeGreaterThanOrEqual(44);
}

/**
 * C1, A3: 988 (call and text) and 911 as visible links in the element's language, each at
 * least 44x44 CSS px. Found anywhere in its shadow tree, whatever renders them.
 */
export async function expectCrisisLine(el: Element, t: CrisisLabels): Promise<void> {
  const labels = { 'tel:988': t.call988, 'sms:988': t.text988, 'tel:911': t.call911 };
  for (const href of crisisHrefs) {
    const link = await waitFor(() => {
      const found = deepLinks(el).find(
        (a) => a.getAttribute('href') === href && a.checkVisibility(),
      );
      if (!found) throw new Error(`no visible link to ${href} yet`);
      return found;
    });
    await expect(link).toBeVisible();
    await expect(normalize(link.textContent), `text of the ${href} link`).toBe(labels[href]);
    await expectTapTarget(link, href);
  }
}
