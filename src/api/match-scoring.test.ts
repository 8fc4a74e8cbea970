import { expect } from '@open-wc/testing';
import {
  LANGUAGE_MISMATCH_FACTOR,
  MATCH_WEIGHTS,
  TIME_FIT_SLOTS,
  scoreMatch,
  type MatchWish,
} from './match-scoring.js';

const LA = 'America/Los_Angeles';
const wish = (overrides: Partial<MatchWish> = {}): MatchWish => ({
  topics: [],
  identities: [],
  languages: [],
  timesOfDay: [],
  timeZone: LA,
  ...overrides,
});
const supporter = {
  topics: [
    { id: 'grief', label: 'Grief' },
    { id: 'anxiety', label: 'Anxiety' },
  ],
  identities: [{ id: 'lgbtq', label: 'LGBTQ+' }],
  languages: ['en', 'es-MX'],
};
/** Mornings at 09:00 and one evening at 18:00 in Los Angeles. */
const mornings = (n: number) =>
  Array.from({ length: n }, (_, i) => Date.parse(`2026-03-1${i}T09:00:00-07:00`));
const evening = Date.parse('2026-03-10T18:00:00-07:00');
const none = () => [];

describe('match scoring', () => {
  it('weighs topics 0.45, identities 0.2, languages 0.15 and times of day 0.2', () => {
    expect(MATCH_WEIGHTS).to.deep.equal({ topic: 0.45, identity: 0.2, language: 0.15, time: 0.2 });
    expect(
      MATCH_WEIGHTS.topic + MATCH_WEIGHTS.identity + MATCH_WEIGHTS.language + MATCH_WEIGHTS.time,
    ).to.be.closeTo(1, 1e-9);
  });

  it('scores the share of the asked topics, counting only the aspects asked for', () => {
    expect(scoreMatch(wish({ topics: ['grief'] }), supporter, none).score).to.equal(1);
    expect(scoreMatch(wish({ topics: ['grief', 'trauma'] }), supporter, none).score).to.equal(0.5);
    // Topic half met (0.45 * 0.5) and identity missed (0 of 0.2): 0.225 / 0.65.
    expect(
      scoreMatch(wish({ topics: ['grief', 'trauma'], identities: ['veteran'] }), supporter, none)
        .score,
    ).to.equal(0.346);
    expect(scoreMatch(wish(), supporter, none)).to.deep.equal({ score: 0, hits: [] });
  });

  it('keeps a supporter who speaks none of the asked languages far below', () => {
    const speaks = scoreMatch(wish({ topics: ['trauma'], languages: ['es'] }), supporter, none);
    const silent = scoreMatch(wish({ topics: ['grief'], languages: ['vi'] }), supporter, none);
    // 0.15 / 0.6 for the language alone; a full topic but no language: 0.75 times the factor.
    expect(LANGUAGE_MISMATCH_FACTOR).to.equal(0.15);
    expect(speaks.score).to.equal(0.25);
    expect(silent.score).to.equal(0.112);
    expect(silent.score).to.be.below(speaks.score);
  });

  it('fits a time of day by its open slots, full at three', () => {
    expect(TIME_FIT_SLOTS).to.equal(3);
    const morning = wish({ timesOfDay: ['morning'] });
    expect(scoreMatch(morning, supporter, () => mornings(1)).score).to.equal(0.333);
    expect(scoreMatch(morning, supporter, () => mornings(3)).score).to.equal(1);
    expect(scoreMatch(morning, supporter, () => [evening]).score).to.equal(0);
    const both = wish({ timesOfDay: ['morning', 'evening', 'morning'] });
    expect(scoreMatch(both, supporter, () => [...mornings(3), evening]).score).to.equal(0.667);
    // In New York, 18:00 in Los Angeles is 21:00: still evening; 09:00 is noon: afternoon.
    const eastern = wish({ timesOfDay: ['afternoon'], timeZone: 'America/New_York' });
    expect(scoreMatch(eastern, supporter, () => mornings(3)).score).to.equal(1);
  });

  it('stops reading slots once every wanted time of day is full', () => {
    let read = 0;
    function* endless() {
      for (;;) {
        read++;
        yield Date.parse('2026-03-10T09:00:00-07:00');
      }
    }
    scoreMatch(wish({ timesOfDay: ['morning'] }), supporter, endless);
    expect(read).to.equal(3);
    read = 0;
    scoreMatch(wish({ topics: ['grief'] }), supporter, endless);
    expect(read, 'not read without times of day').to.equal(0);
  });

  it('says why, in order: topics, identities, languages, then times of day', () => {
    const { hits } = scoreMatch(
      wish({
        topics: ['anxiety', 'grief'],
        identities: ['lgbtq'],
        languages: ['es'],
        timesOfDay: ['evening', 'morning'],
      }),
      supporter,
      () => [evening],
    );
    expect(hits).to.deep.equal([
      { kind: 'topic', tag: { id: 'grief', label: 'Grief' } },
      { kind: 'topic', tag: { id: 'anxiety', label: 'Anxiety' } },
      { kind: 'identity', tag: { id: 'lgbtq', label: 'LGBTQ+' } },
      { kind: 'language', id: 'es-MX' },
      { kind: 'time-of-day', id: 'evening' },
    ]);
  });
});
