import { sheet } from '../styles/sheet.js';

/**
 * What every flow's form looks like (booking, gift cards): buttons, the step list, labelled
 * fields and their errors, checkboxes and radios, the focused step heading, and forced colours.
 * One sheet in the file both flows share; each element's own sheet adds its layout.
 */
export const formStyles = sheet`
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
  .heading:focus,
  #step-title:focus {
    outline: none;
  }
  .heading:focus-visible,
  #step-title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  @media (forced-colors: active) {
    button {
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
