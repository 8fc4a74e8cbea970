import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_bg: var(--peer-crisis-banner-bg, var(--_crisis-bg));
    --_fg: var(--peer-crisis-banner-color, var(--_text));
    --_accent: var(--peer-crisis-banner-border, var(--_crisis));
  }

  section {
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    line-height: 1.45;
  }

  p,
  ul {
    margin: 0 0 0.625rem;
  }

  .title {
    font-size: 1.0625rem;
    font-weight: 700;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }

  .action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-inline: 1rem;
    box-sizing: border-box;
    border-radius: var(--_radius);
    background: var(--_crisis);
    color: var(--_on-crisis);
    font-weight: 700;
    text-decoration: none;
  }

  .action:hover {
    text-decoration: underline;
  }

  .action.secondary {
    background: transparent;
    color: var(--_crisis);
    border: 2px solid currentColor;
  }

  .emergency {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }

  .more {
    padding-inline-start: 1.25rem;
    color: var(--_fg);
  }

  .extra {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .extra-label {
    font-weight: 700;
    color: inherit;
  }

  a.extra-label {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
  }

  .note {
    margin-block-end: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* compact: one line, no extra chrome. */
  .compact {
    padding-block: 0.375rem;
  }

  /* docked: the bar is fixed; DockSpace reserves its height on the page's edge. */
  :host([variant='docked']) {
    block-size: 0;
  }

  .dock {
    position: fixed;
    inset-inline: 0;
    z-index: var(--peer-crisis-banner-z-index, 2147483000);
    display: flex;
    flex-direction: column;
    max-block-size: 100dvh;
    padding: 0.25rem 0.5rem;
    border-radius: 0;
    border-inline-start: none;
    box-shadow: 0 0 0 1px var(--_border);
  }

  :host([position='bottom']) .dock {
    inset-block-end: 0;
    flex-direction: column-reverse;
    border-block-start: 3px solid var(--_accent);
  }

  :host([position='top']) .dock {
    inset-block-start: 0;
    border-block-end: 3px solid var(--_accent);
  }

  .bar {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }

  .bar .crisis-line {
    flex: 1 1 auto;
    flex-wrap: nowrap;
    gap: 0.375rem;
  }

  .bar .crisis-action {
    padding-inline: 0.625rem;
    font-size: 0.875rem;
    line-height: 1.1;
    text-align: center;
    white-space: normal;
  }

  .toggle {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: var(--_target);
    block-size: var(--_target);
    padding: 0;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_fg);
    cursor: pointer;
  }

  .chevron {
    transition: transform 0.15s ease;
  }

  :host([position='bottom']:not([expanded])) .chevron,
  :host([position='top'][expanded]) .chevron {
    transform: none;
  }

  :host([position='bottom'][expanded]) .chevron,
  :host([position='top']:not([expanded])) .chevron {
    transform: rotate(180deg);
  }

  .details {
    overflow: auto;
    max-block-size: 70dvh;
    padding: 0.5rem 0.25rem;
  }

  .details[hidden] {
    display: none;
  }

  /* Narrow docked bars keep only the three numbers: the leads stay for screen readers. */
  @media (max-width: 560px) {
    .bar .crisis-action {
      flex: 1 1 0;
      padding-inline: 0.25rem;
    }
    .bar .crisis-lead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  @media (forced-colors: active) {
    section {
      border: 2px solid CanvasText;
    }
    .action,
    .action.secondary {
      background: ButtonFace;
      color: LinkText;
      border: 1px solid LinkText;
      forced-color-adjust: none;
    }
    .toggle {
      border-color: ButtonText;
      color: ButtonText;
    }
  }

  @media print {
    .dock {
      position: static;
    }
    .toggle {
      display: none;
    }
  }
`;
