import { sheet } from '../../styles/sheet.js';

/** Beside `<peer-booking>`'s sheet, which the gift card shares (fields, steps, buttons). */
export const styles = sheet`
  textarea {
    font: inherit;
    inline-size: 100%;
    box-sizing: border-box;
  }
  .total,
  .balance {
    font-weight: 600;
  }
`;
