import { css, html, nothing, type TemplateResult } from 'lit';
import type { CrisisStrings } from '../i18n/types.js';
import { format } from '../i18n/locale.js';
import type { ExtraLine } from './extra-line.js';

/**
 * The compact crisis line: 988 (call and text) and 911, plus the partner's extra line when there is
 * one. `<crisis-banner variant="compact">` and every other element render this same template, in
 * every state, so the crisis numbers have one source.
 */
export function renderCrisisLine(
  t: CrisisStrings,
  extra?: ExtraLine,
  { short = false } = {},
): TemplateResult {
  return html`<p class="crisis-line" part="crisis-line">
    <span class="crisis-lead">${t.compactLead}</span>
    <a class="crisis-action" part="crisis-action" href="tel:988">${t.call988}</a>
    <a class="crisis-action" part="crisis-action" href="sms:988"
      >${short ? t.text988Short : t.text988}</a
    >
    <span class="crisis-lead">${t.compactEmergency}</span>
    <a class="crisis-action" part="crisis-action" href="tel:911">${t.call911}</a>
    ${extra ? renderExtraLinks(t, extra) : nothing}
  </p>`;
}

export function renderExtraLinks(t: CrisisStrings, extra: ExtraLine): TemplateResult {
  return html`<a class="crisis-action" part="crisis-action" href="tel:${extra.phone}"
      >${format(t.callExtra, { label: extra.label })}</a
    >${extra.sms
      ? html` <a class="crisis-action" part="crisis-action" href="sms:${extra.sms}"
          >${format(t.textExtra, { label: extra.label })}</a
        >`
      : nothing}`;
}

export const crisisLineStyles = css`
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
