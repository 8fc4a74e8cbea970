import { expect } from '@open-wc/testing';
import {
  matchesFilters,
  normalizeText,
  primaryLanguage,
  searchEntry,
  searchFilters,
  type SearchEntry,
} from './supporter-search.js';
import { DAY } from './time.js';

const NOW = Date.parse('2026-03-05T08:00:00-08:00');

const entry: SearchEntry = searchEntry({
  texts: ['Lucía Pérez', 'Here to listen.', 'Grief and loss', 'Duelo'],
  topics: [{ id: 'grief' }, { id: 'anxiety' }],
  identities: [{ id: 'latinx' }],
  languages: ['es-MX', 'en'],
  states: ['CA', 'OR'],
  sessionLengths: [60, 30, 50],
  programLengths: [30, 60],
});

/** Whether the filters match, with the supporter next available `nextInDays` from now. */
const matches = (filters: Parameters<typeof searchFilters>[0], nextInDays: number | null = 1) =>
  matchesFilters(entry, searchFilters(filters), NOW, () =>
    nextInDays === null ? null : NOW + nextInDays * DAY,
  );

describe('supporter search', () => {
  it('compares text without case or accents, and languages by their primary subtag', () => {
    expect(normalizeText('Lucía PÉREZ')).to.equal('lucia perez');
    expect(primaryLanguage('es-MX')).to.equal('es');
    expect(primaryLanguage('EN')).to.equal('en');
    expect(entry.lengths, 'offered by both, shortest first').to.deep.equal([30, 60]);
    expect([...entry.languages]).to.deep.equal(['es', 'en']);
  });

  it('finds by every term of q, in any text, accents or not', () => {
    expect(matches({ q: 'lucia' })).to.equal(true);
    expect(matches({ q: '  PÉREZ   grief ' })).to.equal(true);
    expect(matches({ q: 'duelo' })).to.equal(true);
    expect(matches({ q: 'lucia trauma' }), 'every term must be found').to.equal(false);
    expect(matches({ q: '' })).to.equal(true);
  });

  it('matches any value within a filter, and needs every filter given', () => {
    expect(matches({ topics: ['trauma', 'grief'] })).to.equal(true);
    expect(matches({ topics: ['trauma'] })).to.equal(false);
    expect(matches({ identities: ['latinx'], states: ['WA', 'OR'] })).to.equal(true);
    expect(matches({ identities: ['latinx'], states: ['WA'] })).to.equal(false);
    expect(matches({ languages: ['es-ES'] })).to.equal(true);
    expect(matches({ languages: ['fr'] })).to.equal(false);
    expect(matches({ lengthMinutes: 30 })).to.equal(true);
    expect(matches({ lengthMinutes: 50 }), 'not a length the program offers').to.equal(false);
  });

  it('asks for an open slot before now plus availableWithinDays', () => {
    expect(matches({ availableWithinDays: 3 }, 2.9)).to.equal(true);
    expect(matches({ availableWithinDays: 3 }, 3)).to.equal(false);
    expect(matches({ availableWithinDays: 3 }, null)).to.equal(false);
    expect(matches({}, null), 'without the filter, availability does not matter').to.equal(true);
  });

  it('asks for the next slot of the length filtered on', () => {
    const asked: (number | undefined)[] = [];
    matchesFilters(
      entry,
      searchFilters({ availableWithinDays: 1, lengthMinutes: 60 }),
      NOW,
      (l) => {
        asked.push(l);
        return NOW;
      },
    );
    matchesFilters(entry, searchFilters({ topics: ['grief'] }), NOW, (l) => {
      asked.push(l);
      return NOW;
    });
    expect(asked).to.deep.equal([60]);
  });
});
