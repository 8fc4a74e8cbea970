import { expect } from '@open-wc/testing';
import {
  area,
  cardSessionLength,
  limitFor,
  matchQuery,
  noFilters,
  presetWarning,
  readPresets,
  stateQuery,
  supporterQuery,
  withChosen,
  withinProgram,
  withValue,
  type Presets,
} from './directory-query.js';

const none: Presets = { topics: [], identities: [], languages: [], states: [] };
const program = {
  eligibility: { minAge: 18, maxAge: 30, states: ['CA', 'OR', 'WA'] },
  sessionLengths: [30, 60] as (30 | 60)[],
};

describe('directory-query', () => {
  describe('readPresets', () => {
    it('with no presets: no filters, 24 a page, nothing to warn about', () => {
      expect(readPresets(none, program)).to.deep.equal({
        filters: {
          q: '',
          topics: [],
          identities: [],
          language: '',
          state: '',
          sort: 'next-available',
        },
        states: [],
        pageSize: 24,
        problems: [],
      });
    });

    it('normalises case: states="ca" is CA, topics="First-Gen" is first-gen, languages="ES" is es', () => {
      const read = readPresets(
        { ...none, states: ['ca'], topics: ['First-Gen', 'first-gen'], languages: ['ES'] },
        program,
      );
      expect(read.filters.state).to.equal('CA');
      expect(read.states).to.deep.equal(['CA']);
      expect(read.filters.topics).to.deep.equal(['first-gen']);
      expect(read.filters.language).to.equal('es');
      expect(read.problems).to.deep.equal([]);
    });

    it('keeps what it can use and reports the rest, with what is accepted', () => {
      const read = readPresets(
        {
          ...none,
          topics: ['anxiety', 'not an id!'],
          states: ['CA', 'TX', 'OR', 'California'],
          lengthMinutes: 50,
          availableWithin: 400,
          sort: 'soonest',
          pageSize: 0,
        },
        program,
      );
      expect(read.filters.topics).to.deep.equal(['anxiety']);
      expect(read.states).to.deep.equal(['CA', 'OR']);
      expect(read.filters.state, 'several states are the area, none preselected').to.equal('');
      expect(read.filters).not.to.have.property('lengthMinutes');
      expect(read.filters).not.to.have.property('within');
      expect(read.filters.sort).to.equal('next-available');
      expect(read.pageSize).to.equal(24);
      expect(read.problems.map((p) => presetWarning('peer-directory', p))).to.deep.equal([
        '[peer-support-widgets] <peer-directory> topics="not an id!" is not one of: ids such as first-gen. Ignoring it.',
        '[peer-support-widgets] <peer-directory> states="TX California" is not one of: CA, OR, WA. Ignoring it.',
        '[peer-support-widgets] <peer-directory> length-minutes="50" is not one of: 30, 60. Ignoring it.',
        '[peer-support-widgets] <peer-directory> available-within="400" is not one of: whole numbers from 1 to 365. Ignoring it.',
        '[peer-support-widgets] <peer-directory> page-size="0" is not one of: whole numbers from 1 to 5000. Ignoring it.',
        '[peer-support-widgets] <peer-directory> sort="soonest" is not one of: next-available, name. Ignoring it.',
      ]);
    });

    it('before the program is known, checks against the schemas only', () => {
      const read = readPresets({ ...none, states: ['tx', 'C4'], lengthMinutes: 50 });
      expect(read.filters.state).to.equal('TX');
      expect(read.filters.lengthMinutes).to.equal(50);
      expect(read.problems).to.deep.equal([
        { attribute: 'states', value: 'C4', accepted: 'two-letter state codes' },
      ]);
      const odd = readPresets({ ...none, lengthMinutes: 45 });
      expect(odd.problems).to.deep.equal([
        { attribute: 'length-minutes', value: '45', accepted: '30, 50, 60' },
      ]);
    });

    it('takes the values a filter control can show: within 5 days, page size 5000', () => {
      const read = readPresets({ ...none, availableWithin: 5, pageSize: 5000, sort: 'name' });
      expect(read.filters.within).to.equal(5);
      expect(read.filters.sort).to.equal('name');
      expect(read.pageSize).to.equal(5000);
      expect(read.problems).to.deep.equal([]);
      expect(readPresets({ ...none, pageSize: 2.5 }).pageSize).to.equal(24);
    });

    it('refuses a language that is no language tag', () => {
      const read = readPresets({ ...none, languages: ['español', 'ase'] });
      expect(read.filters.language).to.equal('ase');
      expect(read.problems.map((p) => p.value)).to.deep.equal(['español']);
    });
  });

  describe('withinProgram', () => {
    it('drops a state the program does not serve and a length it does not offer', () => {
      const f = { ...noFilters('name'), state: 'TX', lengthMinutes: 50 as const, q: 'grief' };
      expect(withinProgram(f, program)).to.deep.equal({ ...noFilters('name'), q: 'grief' });
    });

    it('returns the same filters when the program allows them', () => {
      const f = { ...noFilters('name'), state: 'OR', lengthMinutes: 60 as const };
      expect(withinProgram(f, program)).to.equal(f);
    });
  });

  describe('area and the query', () => {
    it("is the host's states when several, else the program's", () => {
      expect(area(['CA', 'OR'], program)).to.deep.equal(['CA', 'OR']);
      expect(area(['CA', 'TX', 'CA'], program), 'one left: no area of its own').to.deep.equal([
        'CA',
        'OR',
        'WA',
      ]);
      expect(area(['WA'], program)).to.deep.equal(['CA', 'OR', 'WA']);
      expect(area([], undefined)).to.deep.equal([]);
    });

    it('asks for the chosen state, else the area, else no state at all', () => {
      expect(stateQuery({ ...noFilters('name'), state: 'WA' }, ['CA', 'OR'])).to.deep.equal({
        states: ['WA'],
      });
      expect(stateQuery(noFilters('name'), ['CA', 'OR'])).to.deep.equal({ states: ['CA', 'OR'] });
      expect(stateQuery(noFilters('name'), [])).to.deep.equal({});
    });

    it('sends only the filters in force', () => {
      expect(supporterQuery(noFilters('name'), [])).to.deep.equal({});
      expect(
        supporterQuery(
          {
            q: '  grief ',
            topics: ['anxiety'],
            identities: ['veteran'],
            language: 'es',
            state: '',
            lengthMinutes: 30,
            within: 7,
            sort: 'name',
          },
          ['CA'],
        ),
      ).to.deep.equal({
        q: 'grief',
        topics: ['anxiety'],
        identities: ['veteran'],
        languages: ['es'],
        states: ['CA'],
        lengthMinutes: 30,
        availableWithinDays: 7,
      });
    });

    it('sends at most the 200 characters of text the API takes', () => {
      const q = 'grief '.repeat(50);
      expect(supporterQuery({ ...noFilters('name'), q }, []).q).to.equal(q.trim().slice(0, 200));
    });

    it('never asks for more than the API gives in one page', () => {
      expect(limitFor(24, 3)).to.equal(72);
      expect(limitFor(2000, 3)).to.equal(5000);
    });
  });

  describe('controls show the value in force', () => {
    it('adds a value outside the options, numbers in order', () => {
      expect(withValue([3, 7, 14], 5)).to.deep.equal([3, 5, 7, 14]);
      expect(withValue([3, 7, 14], 7)).to.deep.equal([3, 7, 14]);
      expect(withValue([3, 7, 14], undefined)).to.deep.equal([3, 7, 14]);
      expect(withValue(['en', 'es'], 'fr')).to.deep.equal(['en', 'es', 'fr']);
      expect(withValue(['en', 'es'], '')).to.deep.equal(['en', 'es']);
    });

    it('adds a chosen tag the facets lack, named by its id', () => {
      const tags = [{ id: 'anxiety', label: 'Anxiety' }];
      expect(withChosen(tags, ['anxiety', 'xyz'])).to.deep.equal([
        { id: 'anxiety', label: 'Anxiety' },
        { id: 'xyz', label: 'xyz' },
      ]);
    });
  });

  describe('cardSessionLength', () => {
    it('is the chosen length, else the shortest the supporter offers within the program', () => {
      expect(cardSessionLength(60, [30, 60], program)).to.equal(60);
      expect(cardSessionLength(undefined, [60, 30], program)).to.equal(30);
      expect(cardSessionLength(undefined, [60], program)).to.equal(60);
      expect(cardSessionLength(undefined, [50, 60], program)).to.equal(60);
      expect(cardSessionLength(undefined, [50], program)).to.equal(undefined);
      expect(cardSessionLength(undefined, [50, 60])).to.equal(50);
    });
  });
});

describe('matchQuery', () => {
  const answers = {
    topics: ['grief'],
    identities: [],
    timesOfDay: ['evening' as const],
    language: 'es',
  };

  it('asks within the area and the chosen length, in the seeker’s zone, for ten matches', () => {
    const filters = { ...noFilters('next-available'), lengthMinutes: 60 as const };
    expect(matchQuery(answers, filters, ['CA', 'OR'], 'America/New_York')).to.deep.equal({
      topics: ['grief'],
      identities: [],
      timesOfDay: ['evening'],
      languages: ['es'],
      states: ['CA', 'OR'],
      lengthMinutes: 60,
      timeZone: 'America/New_York',
      limit: 10,
    });
  });

  it('asks in the one state chosen, any language and length when none is set', () => {
    const filters = { ...noFilters('name'), state: 'WA' };
    const query = matchQuery({ ...answers, language: '' }, filters, ['CA', 'OR', 'WA'], 'UTC');
    expect(query.states).to.deep.equal(['WA']);
    expect(query.languages).to.deep.equal([]);
    expect('lengthMinutes' in query).to.equal(false);
  });
});
