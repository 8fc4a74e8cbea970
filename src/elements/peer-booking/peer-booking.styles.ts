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
  @media (max-width: 30rem) {
    .summary .row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    .policy,
    .notice {
      border: 1px solid ButtonText;
    }
  }
`;
