import { sheet } from '../../styles/sheet.js';

/**
 * The gift card's own sheet, on the shared tokens: the booking's sheet is not imported, because a
 * module both flows import becomes a chunk of its own that the booking page then pays for.
 */
export const styles = sheet`
  :host {
    display: block;
    max-inline-size: var(--peer-gift-card-max-width, 40rem);
  }
  .base,
  .step,
  .balance,
  fieldset,
  .field,
  .summary {
    display: grid;
    gap: var(--_space);
  }
  .field,
  fieldset {
    gap: 0.25rem;
  }
  h2,
  h3 {
    margin: 0.5rem 0 0.25rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  button {
    min-block-size: var(--_target);
    padding-inline: 1rem;
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
    border: 2px solid var(--_primary);
  }
  .secondary {
    background: var(--_surface);
    color: var(--_primary);
    border: 2px solid currentColor;
  }
  .link {
    padding-inline: 0.25rem;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: 400;
  }
  .steps,
  .buttons,
  .summary dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .steps li,
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: var(--_target);
  }
  .steps [aria-current='step'] {
    font-weight: 700;
    border-block-end: 3px solid var(--_primary);
  }
  label,
  legend,
  .total,
  .summary dt {
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  [aria-invalid='true']:is(input, textarea) {
    border: 2px solid var(--_crisis);
  }
  fieldset {
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
  }
  .field-error {
    margin: 0;
    color: var(--_crisis);
    font-weight: 600;
  }
  .summary {
    margin: 0;
    gap: 0.5rem;
  }
  .summary dd {
    overflow-wrap: anywhere;
  }
  .balance,
  [part='confirmation'] {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  #step-title:focus,
  #done-title:focus {
    outline: none;
  }
  #step-title:focus-visible,
  #done-title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    .steps [aria-current='step'] {
      border-block-end-color: Highlight;
    }
    [aria-invalid='true']:is(input, textarea) {
      border-color: Mark;
    }
  }
`;
