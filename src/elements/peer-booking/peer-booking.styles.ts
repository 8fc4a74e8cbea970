import { sheet } from '../../styles/sheet.js';

export const styles = sheet`
  :host {
    display: block;
    max-inline-size: var(--peer-booking-max-width, 40rem);
  }
  .base {
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3,
  h4 {
    margin: 0.5rem 0 0.25rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.9375rem;
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
    min-block-size: var(--_target);
    padding-inline: 0.25rem;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: 400;
  }
  [aria-pressed='true'] {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9375rem;
  }
  .steps li {
    display: flex;
    align-items: center;
    min-block-size: var(--_target);
  }
  .steps [aria-current='step'] {
    font-weight: 700;
    border-block-end: 3px solid var(--_primary);
  }
  .step {
    display: grid;
    gap: var(--_space);
  }
  .field,
  .gift {
    display: grid;
    gap: 0.25rem;
  }
  .gift {
    grid-template-columns: minmax(0, 1fr);
    justify-items: start;
  }
  label,
  legend {
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
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
  [aria-invalid='true']:is(input, select, textarea) {
    border: 2px solid var(--_crisis);
  }
  fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: var(--_target);
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
  .policy {
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .presets,
  .buttons,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .notice,
  .ineligible,
  .manage,
  .confirm,
  .reschedule {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .ineligible .crisis-line,
  .field .crisis-line {
    padding: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_crisis-bg);
  }
  .summary {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  .summary .row {
    display: grid;
    grid-template-columns: minmax(7rem, 1fr) 3fr;
    gap: 0.5rem;
    padding-block-end: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .line {
    display: block;
  }
  #step-title:focus {
    outline: none;
  }
  #step-title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  @media (max-width: 30rem) {
    .summary .row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    button,
    .policy,
    .notice {
      border: 1px solid ButtonText;
    }
    .steps [aria-current='step'] {
      border-block-end-color: Highlight;
    }
    [aria-invalid='true']:is(input, select, textarea) {
      border-color: Mark;
    }
  }
`;
