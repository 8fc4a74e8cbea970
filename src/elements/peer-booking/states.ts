/**
 * US states and DC by code, in English; the Spanish strings name those that differ. A person
 * outside the program's states picks "another state" and is told kindly where else to look.
 */
export const stateNames: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

/** The value of the "another state or outside the US" option. */
export const OTHER_STATE = 'other';

/** A state's name in the element's language: its own word for it, else the English name. */
export function stateName(code: string, own: Readonly<Record<string, string>>): string {
  return own[code] ?? stateNames[code] ?? code;
}

/** "California, Oregon and Washington", in the element's language. */
export function stateList(
  codes: readonly string[],
  locale: string,
  own: Readonly<Record<string, string>>,
) {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    codes.map((code) => stateName(code, own)),
  );
}
