import { sheet } from '../../styles/sheet.js';

/**
 * The gift card's layout, on the shared tokens and the form sheet both flows use
 * (`internal/form-styles.ts`).
 */
export const styles = sheet`
  :host {
    display: block;
    max-inline-size: var(--peer-gift-card-max-width, 40rem);
  }
  .base,
  .step,
  .balance,
  .field,
  .summary {
    display: grid;
    gap: var(--_space);
  }
  .field {
    gap: 0.25rem;
  }
  h2,
  h3 {
    margin: 0.5rem 0 0.25rem;
  }
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
  .total,
  .summary dt {
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
  #done-title:focus {
    outline: none;
  }
  #done-title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  /* Sending: the button keeps focus (aria-disabled, not disabled) and looks busy. */
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  #general-error:focus-visible {
    outline: 3px solid var(--_focus);
  }
`;
