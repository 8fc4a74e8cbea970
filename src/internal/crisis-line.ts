import { sheet } from '../styles/sheet.js';
import type { CrisisStrings } from '../i18n/types.js';
import { format } from '../i18n/locale.js';
import type { ExtraLine } from './extra-line.js';
import { h } from './dom.js';

/** A link in the one-line form: 44x44 at least (QUALITY A3). */
function action(href: string, text: string): HTMLElement {
  return h('a', { class: 'crisis-action', part: 'crisis-action', href }, text);
}

/** Call and text links of the partner's own line. */
export function extraLinks(t: CrisisStrings, extra: ExtraLine): HTMLElement[] {
  const links = [action(`tel:${extra.phone}`, format(t.callExtra, { label: extra.label }))];
  if (extra.sms)
    links.push(action(`sms:${extra.sms}`, format(t.textExtra, { label: extra.label })));
  return links;
}

/**
 * The one-line crisis form: 988 (call and text) and 911, plus the partner's extra line when there
 * is one. `<crisis-banner variant="compact">` renders it, and every other element embeds that
 * banner in every state (QUALITY C1), so the crisis numbers have one source.
 */
export function crisisLine(t: CrisisStrings, extra?: ExtraLine, short = false): HTMLElement {
  return h(
    'p',
    { class: 'crisis-line', part: 'crisis-line' },
    h('span', { class: 'crisis-lead' }, t.compactLead),
    action('tel:988', t.call988),
    action('sms:988', short ? t.text988Short : t.text988),
    h('span', { class: 'crisis-lead' }, t.compactEmergency),
    action('tel:911', t.call911),
    ...(extra ? extraLinks(t, extra) : []),
  );
}

export const crisisLineStyles = sheet`
  .crisis-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin: 0;
    font-size: 0.9375rem;
    line-height: 1.3;
  }
  .crisis-lead {
    font-weight: 600;
  }
  .crisis-action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-inline: 0.75rem;
    box-sizing: border-box;
    border-radius: var(--_radius);
    background: var(--_crisis);
    color: var(--_on-crisis);
    font-weight: 700;
    text-decoration: none;
    white-space: nowrap;
  }
  .crisis-action:hover {
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    .crisis-action {
      background: ButtonFace;
      color: LinkText;
      border: 1px solid LinkText;
      forced-color-adjust: none;
    }
  }
`;
