import { sheet } from '../../styles/sheet.js';

/** What the directory and the profiles inside it share: buttons, tags, muted text. */
export const sharedStyles = sheet`
  button {
    min-block-size: var(--_target);
    padding-inline: 1rem;
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
    border: 2px solid var(--_primary);
  }
  .secondary,
  .slot {
    background: var(--_surface);
    color: var(--_primary);
    border: 2px solid currentColor;
  }
  [aria-pressed='true'] {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding: 0;
    list-style: none;
  }
  .tags li {
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    font-size: 0.875rem;
  }
  .muted {
    color: var(--_muted);
  }
  h3,
  h4 {
    margin: 0.5rem 0 0.25rem;
  }
  p {
    margin: 0.25rem 0;
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;

export const profileStyles = sheet`
  :host {
    display: block;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-block-start: 0;
    border-radius: 0 0 var(--_radius) var(--_radius);
    background: var(--_surface);
  }
  .day {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin-block: 0.5rem;
  }
  .day-name {
    flex-basis: 100%;
    font-weight: 600;
  }
  .skeleton {
    min-block-size: 8rem;
  }
`;

export const styles = sheet`
  :host {
    display: block;
    --_gap: var(--peer-directory-gap, 1rem);
    --_card: var(--peer-directory-card-bg, var(--_surface));
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    background: var(--_surface);
    color: var(--_text);
  }
  .gift-note {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
  }
  h2 {
    margin: 0;
  }
  .toolbar,
  .actions,
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  /* Fields wrap and share a row, each at least as wide as what it shows, so that no label or
     value is ever cut. A select is sized by its chosen option, not by its longest one, so the
     options arriving with the first results (the languages) move nothing (P7). */
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
    padding: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .field {
    flex: 1 1 11rem;
    display: grid;
    gap: 0.25rem;
    max-inline-size: 100%;
    font-weight: 600;
  }
  .wide,
  .tags-field {
    flex-basis: 100%;
  }
  .field select {
    inline-size: 100%;
    field-sizing: content;
    min-inline-size: max-content;
  }
  .clear {
    justify-self: start;
  }
  input[type='search'],
  select {
    box-sizing: border-box;
    min-block-size: var(--_target);
    max-inline-size: 100%;
    padding-inline: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .tags-field {
    min-inline-size: 0;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    display: flex;
    align-items: center;
    min-block-size: var(--_target);
    font-weight: 600;
    cursor: pointer;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    min-inline-size: 0;
    margin: 0;
    padding: 0 0 0.5rem;
    border: 0;
  }
  .match fieldset {
    flex: 1 1 100%;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-block-size: var(--_target);
    padding-inline: 0.5rem;
    border-radius: 999px;
    background: var(--_surface);
  }
  .chip input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
  }
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    align-content: start;
    gap: 0.25rem;
    min-block-size: 16rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card);
    overflow-wrap: anywhere;
  }
  .card-head {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  .photo {
    flex: none;
    inline-size: 64px;
    block-size: 64px;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: grid;
    place-items: center;
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 1.375rem;
    font-weight: 700;
  }
  .placeholder {
    background: var(--_surface-alt);
    border-color: transparent;
  }
  [aria-busy='true'] {
    opacity: 0.6;
  }
  .match {
    padding: 0.5rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .match form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }
  .match h3 {
    flex-basis: 100%;
  }
  .badge {
    align-self: center;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
  }
  .reasons {
    font-weight: 600;
  }
  .error {
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
`;
