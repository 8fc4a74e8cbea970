import { sheet } from '../../styles/sheet.js';

/**
 * The picker's styles; the element adds them to its `static styles` after `tokens` and
 * `focusRing`, whose `--_*` properties they use.
 */
export const slotPickerStyles = sheet`
  .slot-picker {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-inline-size: 0;
  }
  .slot-picker p,
  .slot-picker h2,
  .slot-picker h3,
  .slot-picker h4,
  .slot-picker h5,
  .slot-picker h6 {
    margin: 0;
  }
  .zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .zone label {
    font-weight: 600;
  }
  [part~='time-zone'] {
    min-block-size: var(--_target);
    min-inline-size: 0;
    max-inline-size: 100%;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .times-in,
  .nothing,
  .none {
    color: var(--_muted);
  }
  [part~='days'] {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 0.25rem;
  }
  .day,
  .slot,
  .next {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .day {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: flex-start;
    gap: 0.125rem;
    min-inline-size: 0;
    min-block-size: var(--_target);
    /* 2px more than the chosen day's, whose border is 2px wider: nothing moves. */
    padding: calc(0.25rem + 2px) 2px;
    overflow-wrap: anywhere;
    line-height: 1.2;
    text-align: center;
  }
  .day .weekday,
  .day .count {
    font-size: 0.75rem;
  }
  .day .date {
    font-weight: 600;
  }
  .day:not([part~='day-open']) {
    color: var(--_muted);
    background: var(--_surface-alt);
  }
  .day[part~='day-open'] {
    border-color: var(--_primary);
  }
  .day[part~='day-open'] .count {
    color: var(--_primary);
  }
  .day[aria-pressed='true'] {
    border: 3px solid var(--_primary);
    padding: 0.25rem 0;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .day[aria-pressed='true'] .count {
    color: inherit;
  }
  .times {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .slots {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .slot,
  .next {
    min-block-size: var(--_target);
    padding: 2px calc(0.75rem + 2px);
    border: 1px solid var(--_primary);
    color: var(--_primary);
    font-weight: 600;
  }
  .slot[aria-pressed='true'] {
    border: 3px solid var(--_primary);
    padding: 0 0.75rem;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  @media (forced-colors: active) {
    .day,
    .slot,
    .next,
    [part~='time-zone'] {
      border-color: ButtonText;
    }
    .day:not([part~='day-open']) {
      border-style: dashed;
    }
    /* Chosen like a selected item, in system colours the page cannot replace: without this the
       forced text backplate hides the text on the Highlight fill. */
    .day[aria-pressed='true'],
    .slot[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
