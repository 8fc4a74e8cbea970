import { sheet } from '../../styles/sheet.js';

export const styles = sheet`
  :host {
    display: block;
    --_bg: var(--peer-crisis-banner-bg, var(--_crisis-bg));
    --_accent: var(--peer-crisis-banner-border, var(--_crisis));
  }
  section {
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--peer-crisis-banner-color, var(--_text));
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
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
  .actions,
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }
  .action {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    padding-inline: 1rem;
    border-radius: var(--_radius);
    background: var(--_crisis);
    color: var(--_on-crisis);
    font-weight: 700;
    text-decoration: none;
  }
  .action:hover {
    text-decoration: underline;
  }
  .secondary {
    background: none;
    color: var(--_crisis);
    border: 2px solid;
  }
  .more {
    padding-inline-start: 1.25rem;
  }
  .label {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    font-weight: 700;
    color: inherit;
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
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
    inset-block-end: 0;
    z-index: var(--peer-crisis-banner-z-index, 2147483000);
    display: flex;
    flex-direction: column-reverse;
    max-block-size: 100dvh;
    padding: 0.25rem 0.5rem;
    border: 0 solid var(--_accent);
    border-block-start-width: 3px;
    border-radius: 0;
  }
  :host([position='top']) .dock {
    inset-block: 0 auto;
    flex-direction: column;
    border-block-width: 0 3px;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .bar .crisis-line {
    flex: 1;
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
    background: none;
    color: inherit;
    cursor: pointer;
  }
  :host(:not([position='top'])[expanded]) svg,
  :host([position='top']:not([expanded])) svg {
    transform: rotate(180deg);
  }
  .details {
    overflow: auto;
    max-block-size: 70dvh;
    padding: 0.5rem 0.25rem;
  }
  [hidden] {
    display: none;
  }
  /* Narrow docked bars keep only the three numbers; the leads stay for screen readers. */
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
    }
  }
  @media (forced-colors: active) {
    section {
      border: 2px solid CanvasText;
    }
    .action {
      background: ButtonFace;
      color: LinkText;
      border: 1px solid LinkText;
      forced-color-adjust: none;
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
