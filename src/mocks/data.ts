/**
 * Seed data for the mock backend: the reference program and its variants, gift cards, and a
 * deterministic generator of supporters with their weekly schedules.
 *
 * Everything comes from a seeded PRNG (mulberry32), never `Math.random` or today's date, so a
 * story, a test and a benchmark see the same supporters on every run. Supporter `i` depends only
 * on the seed and `i`, so `createSeedSupporters(64)` is a prefix of `createSeedSupporters(5000)`.
 */
import type { Program, SessionLength, SupporterProfile, Tag } from '../api/schemas.js';
import { portraitPath } from './portraits.js';

// ---------------------------------------------------------------------------------------------
// Types.

/** One weekly block of a supporter's own hours, local time in the schedule's zone. */
export interface WeeklyBlock {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  day: number;
  /** `HH:MM`. */
  open: string;
  /** `HH:MM`, after `open`. */
  close: string;
}

export interface WeeklySchedule {
  /** IANA zone the blocks are written in. */
  timeZone: string;
  weekly: WeeklyBlock[];
}

/**
 * A supporter as the backend keeps them: the profile (the store computes `nextAvailable`) and hours.
 * `photoUrl` may be a path on the mock's own origin (`/mock-portraits/<id>.svg`, see
 * `portraits.ts`), which the store makes absolute; an absolute URL is kept as it is.
 */
export interface SupporterRecord extends Omit<SupporterProfile, 'nextAvailable'> {
  schedule: WeeklySchedule;
}

/** A gift card the store starts with. */
export interface SeedGiftCard {
  code: string;
  /** Absent: any length. */
  lengthMinutes?: SessionLength;
  sessionsTotal: number;
  sessionsRemaining: number;
  /** Last day the card can be used (`YYYY-MM-DD`); none by default. */
  expiresOn?: string;
  /** When the last session was used. */
  usedUpAt?: string;
  /** Bought but not yet paid: `pending` until `markGiftCardPaid` (seeds have no purchase id). */
  pending?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Programs.

const PACIFIC = 'America/Los_Angeles';

const weekdays9to9 = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '21:00' }));

/**
 * The reference service: ages 18 to 30 (asked as an age) in California, Oregon and Washington;
 * a sliding scale of 45.00 suggested, 20.00 at least for an hour, 25.00 and 10.00 for 30 minutes.
 */
export const referenceProgram: Program = {
  id: 'reference',
  name: 'Peer Support Reference Service',
  eligibility: {
    states: ['CA', 'OR', 'WA'],
    minAge: 18,
    maxAge: 30,
    ageQuestion: 'age',
    referralUrl: 'https://support.example.org/other-help',
  },
  sessionLengths: [30, 60],
  modalities: ['video', 'phone', 'messaging'],
  pricing: {
    model: 'sliding-scale',
    suggested: 4500,
    minimum: 2000,
    byLength: [{ lengthMinutes: 30, suggested: 2500, minimum: 1000 }],
  },
  currency: 'USD',
  cancellation: { windowHours: 24 },
  hours: { timeZone: PACIFIC, weekly: weekdays9to9 },
  // Priced from `pricing`: a 60-minute gift session costs $45, a 30-minute one $25.
  giftCards: { enabled: true, maxSessions: 10, packages: [1, 3, 5] },
};

export type ProgramVariant = 'reference' | 'fixed' | 'free' | 'campusCrisisLine' | 'noAgeLimit';

/** Named variants for stories and tests; each differs from the reference in one respect. */
export const programVariants: Readonly<Record<ProgramVariant, Program>> = {
  reference: referenceProgram,
  fixed: {
    ...referenceProgram,
    id: 'fixed-price',
    name: 'Peer Support, fixed price',
    pricing: {
      model: 'fixed',
      price: 6500,
      moneyBackGuarantee: true,
      byLength: [{ lengthMinutes: 30, price: 3500 }],
    },
  },
  free: {
    ...referenceProgram,
    id: 'campus-free',
    name: 'Campus Peer Support',
    // Asks only "Are you between 18 and 30?", not the age itself.
    eligibility: { ...referenceProgram.eligibility, ageQuestion: 'range' },
    pricing: { model: 'free', sponsor: 'Your campus' },
    // Nothing to pay for, so nothing to gift.
    giftCards: { enabled: false, pricePerSession: 0, maxSessions: 1 },
  },
  campusCrisisLine: {
    ...referenceProgram,
    id: 'campus-crisis-line',
    name: 'Campus Peer Support',
    crisisLine: {
      label: 'Campus counseling crisis line',
      // 555-01xx numbers are reserved for fiction.
      phone: '+15105550123',
      sms: '+15105550124',
      url: 'https://counseling.example.edu/crisis',
      hours: '24/7',
    },
  },
  noAgeLimit: {
    ...referenceProgram,
    id: 'all-ages',
    name: 'Peer Support for all ages',
    // No minAge or maxAge: a booking carries no age at all.
    eligibility: {
      states: referenceProgram.eligibility.states,
      referralUrl: 'https://support.example.org/other-help',
    },
  },
};

/**
 * A card with sessions left, for demos, one that is used up, and one that has expired. Codes in
 * the contract's form (16 symbols), readable so that demos and tests can name them: only seeds.
 */
export const seedGiftCards: readonly SeedGiftCard[] = [
  { code: 'GIFT-DEMO-2026-0003', lengthMinutes: 60, sessionsTotal: 3, sessionsRemaining: 3 },
  {
    code: 'GIFT-USED-2025-0000',
    lengthMinutes: 60,
    sessionsTotal: 2,
    sessionsRemaining: 0,
    usedUpAt: '2025-11-20T10:00:00-05:00',
  },
  {
    code: 'GIFT-OLD0-2019-0002',
    lengthMinutes: 60,
    sessionsTotal: 2,
    sessionsRemaining: 2,
    expiresOn: '2024-12-31',
  },
];

// ---------------------------------------------------------------------------------------------
// PRNG.

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mixSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

class Rng {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return this.pick(items);
  }
  /** `k` distinct items, drawn by weight. */
  sampleWeighted<T>(items: readonly T[], k: number, weight: (item: T) => number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const item = this.weighted(pool, weight);
      out.push(item);
      pool.splice(pool.indexOf(item), 1);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

interface TopicDef extends Tag {
  /** How the topic reads inside a sentence. */
  phrase: string;
  /** Relative frequency among supporters. */
  weight: number;
  /** First-person lived experience; `{age}`, `{years}`, `{relative}`, `{branch}` are filled in. */
  story: string;
}

const TOPIC_DEFS: readonly TopicDef[] = [
  {
    id: 'anxiety',
    label: 'Anxiety',
    phrase: 'anxiety',
    weight: 10,
    story:
      'Anxiety showed up for me as panic attacks in my second year of school. What helped most was learning to notice it early and not hiding it from the people around me.',
  },
  {
    id: 'depression',
    label: 'Depression',
    phrase: 'depression',
    weight: 8,
    story:
      'I lived with depression through most of my late teens. Getting better was slow and not a straight line, and I want people to know that is normal.',
  },
  {
    id: 'grief',
    label: 'Grief and loss',
    phrase: 'grief and loss',
    weight: 4,
    story:
      'I lost my {relative} when I was {age}. The grief is still part of me, but it no longer runs my days.',
  },
  {
    id: 'lgbtq',
    label: 'LGBTQ+',
    phrase: 'being LGBTQ+',
    weight: 4,
    story:
      "Coming to terms with being queer in a family that didn't talk about it took years. Finding community is what turned things around for me.",
  },
  {
    id: 'first-gen',
    label: 'First-generation student',
    phrase: 'being a first-generation student',
    weight: 4,
    story:
      'As the first in my family to go to college, I spent a lot of time feeling like I was faking it. I learned to ask for help without apologizing for it.',
  },
  {
    id: 'substance-use-recovery',
    label: 'Substance-use recovery',
    phrase: 'substance-use recovery',
    weight: 3,
    story:
      'I have been in recovery from alcohol and opioid use for {years} years. Recovery gave me my life back, one ordinary day at a time.',
  },
  {
    id: 'family',
    label: 'Family',
    phrase: 'family',
    weight: 6,
    story:
      'My family went through a lot of conflict when I was growing up. Setting boundaries with people I love is something I still practise.',
  },
  {
    id: 'relationships',
    label: 'Relationships',
    phrase: 'relationships',
    weight: 6,
    story:
      'A painful breakup once shook my sense of who I was. Rebuilding from it taught me a lot about what I need from the people close to me.',
  },
  {
    id: 'school-stress',
    label: 'School stress',
    phrase: 'school stress',
    weight: 7,
    story:
      'I burned out in my third year of college and had to take a term off. Coming back on my own terms was one of the hardest and best things I have done.',
  },
  {
    id: 'work-stress',
    label: 'Work stress',
    phrase: 'work stress',
    weight: 4,
    story:
      'I worked two jobs while studying and ran myself into the ground. I know how hard it is to rest when money is tight.',
  },
  {
    id: 'body-image',
    label: 'Body image',
    phrase: 'body image',
    weight: 3,
    story:
      'I struggled with how I saw my body for most of high school. Learning to treat myself with some kindness took time and a lot of support.',
  },
  {
    id: 'identity',
    label: 'Identity',
    phrase: 'figuring out who you are',
    weight: 3,
    story:
      "Growing up between two cultures, I often felt I didn't fully belong in either. Making peace with that is part of my story.",
  },
  {
    id: 'loneliness',
    label: 'Loneliness',
    phrase: 'loneliness',
    weight: 5,
    story:
      'After moving to a new city on my own I went months without a real conversation. I know how heavy loneliness can get, and how small steps can lift it.',
  },
  {
    id: 'trauma-recovery',
    label: 'Trauma recovery',
    phrase: 'recovering from trauma',
    weight: 3,
    story:
      'I am a survivor of trauma. Recovery for me has meant finding safety in my own body again, slowly, with people I trust.',
  },
  {
    id: 'disability',
    label: 'Disability',
    phrase: 'living with a disability',
    weight: 1,
    story:
      "I live with a physical disability and have spent a lot of energy navigating systems that weren't built for me. I am glad to share what has worked.",
  },
  {
    id: 'immigration',
    label: 'Immigration',
    phrase: 'immigration and family expectations',
    weight: 1,
    story:
      'My family immigrated when I was {age}, and I grew up translating for my parents. I know the pressure of carrying two worlds at once.',
  },
  {
    id: 'self-esteem',
    label: 'Self-esteem',
    phrase: 'self-esteem',
    weight: 4,
    story:
      'For years I measured myself against everyone around me and always came up short. Learning to notice that voice, and talk back to it, changed a lot.',
  },
  {
    id: 'burnout',
    label: 'Burnout',
    phrase: 'burnout',
    weight: 3,
    story:
      'I hit a wall after years of saying yes to everything. Recovering from burnout taught me that rest is not something you have to earn.',
  },
  {
    id: 'adhd',
    label: 'ADHD',
    phrase: 'ADHD',
    weight: 2,
    story:
      'I found out I have ADHD as an adult, after years of thinking I was just lazy. Understanding how my brain works made school and work so much easier.',
  },
  {
    id: 'life-transitions',
    label: 'Life transitions',
    phrase: 'big life changes',
    weight: 3,
    story:
      "I have moved, changed careers and started over more than once. Big changes still scare me, but I've learned how to get through them.",
  },
  {
    id: 'chronic-illness',
    label: 'Chronic illness',
    phrase: 'living with a chronic illness',
    weight: 1,
    story:
      'I live with a chronic illness that flares without warning. Planning a life around uncertainty is something I understand well.',
  },
  {
    id: 'parenting',
    label: 'Parenting',
    phrase: 'parenting while studying or working',
    weight: 1,
    story:
      "I became a parent young, while still in school. I know how isolating it can be to care for someone else when you're struggling yourself.",
  },
  {
    id: 'military-life',
    label: 'Military and veteran life',
    phrase: 'military and veteran life',
    // Only veterans talk about it (see the boost below).
    weight: 0,
    story:
      'I served in the {branch} and found the move back to civilian life harder than deployment. Other veterans helped me through it, and now I try to do the same.',
  },
  {
    id: 'coming-out',
    label: 'Coming out',
    phrase: 'coming out',
    weight: 1,
    story:
      "I came out in my early twenties, first to friends and then, slowly, to family. Everyone's timeline is different, and that's okay.",
  },
];

interface IdentityDef extends Tag {
  /** A sentence for the bio, or none. */
  line?: string;
}

const IDENTITY_DEFS: readonly IdentityDef[] = [
  { id: 'latine', label: 'Latine' },
  { id: 'black', label: 'Black' },
  { id: 'asian-american', label: 'Asian American' },
  { id: 'native', label: 'Native American / Indigenous' },
  { id: 'pacific-islander', label: 'Pacific Islander' },
  { id: 'mena', label: 'Middle Eastern / North African' },
  { id: 'multiracial', label: 'Multiracial' },
  {
    id: 'queer',
    label: 'Queer',
    line: 'As a queer person, I know how much it matters to feel seen.',
  },
  {
    id: 'trans',
    label: 'Trans',
    line: 'I am trans, and I have walked a lot of the paths trans people ask me about.',
  },
  {
    id: 'nonbinary',
    label: 'Nonbinary',
    line: "I'm nonbinary, and you never have to explain your pronouns to me.",
  },
  {
    id: 'veteran',
    label: 'Veteran',
    line: 'I served {service} years in the {branch} before going back to school.',
  },
  {
    id: 'parent',
    label: 'Parent',
    line: "I'm also a parent, so I know how little time there can be in a day.",
  },
  {
    id: 'disabled',
    label: 'Person with a disability',
    line: 'I navigate the world as a disabled person and know my way around accommodations.',
  },
  {
    id: 'first-gen',
    label: 'First-generation college student',
    line: 'I was the first in my family to go to college.',
  },
  {
    id: 'immigrant',
    label: 'Immigrant',
    line: 'My family came to the US from {origin} when I was a kid.',
  },
  {
    id: 'neurodivergent',
    label: 'Neurodivergent',
    line: "I'm neurodivergent, and I like sessions to be flexible and direct.",
  },
  {
    id: 'deaf',
    label: 'Deaf / hard of hearing',
    line: "I'm Deaf and sign ASL; sessions with me can be fully in ASL over video.",
  },
  {
    id: 'faith',
    label: 'Person of faith',
    line: 'My faith is part of my recovery, and I welcome people of every belief or none.',
  },
];

/** Topic and identity vocabularies, for stories and tests that need the full list. */
export const topicTags: readonly Tag[] = TOPIC_DEFS.map(({ id, label }) => ({ id, label }));
export const identityTags: readonly Tag[] = IDENTITY_DEFS.map(({ id, label }) => ({ id, label }));

type Pronoun = 'she' | 'he' | 'they';

interface Background {
  weight: number;
  identity?: string;
  first: Record<Pronoun, readonly string[]>;
  last: readonly string[];
  language?: { tag: string; chance: number };
  immigrant: number;
  origins: readonly string[];
}

const BACKGROUNDS: readonly Background[] = [
  {
    weight: 24,
    identity: 'latine',
    first: {
      she: [
        'Ana',
        'Valeria',
        'Camila',
        'Ximena',
        'Daniela',
        'Lucía',
        'Gabriela',
        'Marisol',
        'Yesenia',
        'Paola',
        'Itzel',
      ],
      he: [
        'Diego',
        'Mateo',
        'Luis',
        'Javier',
        'Andrés',
        'Carlos',
        'Miguel',
        'Julián',
        'Emilio',
        'Óscar',
      ],
      they: ['Alex', 'Dani', 'Cruz'],
    },
    last: [
      'García',
      'Hernández',
      'López',
      'Martínez',
      'Ramírez',
      'Flores',
      'Morales',
      'Castillo',
      'Ortega',
      'Rivera',
      'Gutiérrez',
      'Mendoza',
      'Vargas',
      'Delgado',
      'Cisneros',
    ],
    language: { tag: 'es', chance: 0.55 },
    immigrant: 0.3,
    origins: ['Mexico', 'Guatemala', 'El Salvador', 'Honduras', 'Peru'],
  },
  {
    weight: 13,
    identity: 'black',
    first: {
      she: ['Imani', 'Aaliyah', 'Keisha', 'Nia', 'Zora', 'Simone', 'Ayanna', 'Chidinma', 'Tasha'],
      he: ['Jamal', 'Malik', 'Darnell', 'Terrence', 'Marcus', 'Andre', 'Isaiah', 'Kwame'],
      they: ['Jordan', 'Sage', 'Ari'],
    },
    last: [
      'Washington',
      'Jackson',
      'Robinson',
      'Okafor',
      'Mensah',
      'Brooks',
      'Coleman',
      'Harris',
      'Bell',
      'Adeyemi',
      'Tesfaye',
    ],
    immigrant: 0.1,
    origins: ['Nigeria', 'Ethiopia', 'Ghana', 'Haiti'],
  },
  {
    weight: 7,
    identity: 'asian-american',
    first: {
      she: ['Linh', 'Thao', 'Mai', 'Ngoc', 'Vy', 'Trang'],
      he: ['Minh', 'Huy', 'Khoa', 'Bao', 'Tuan'],
      they: ['Quinn', 'An'],
    },
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Vo', 'Dang', 'Bui'],
    language: { tag: 'vi', chance: 0.5 },
    immigrant: 0.35,
    origins: ['Vietnam'],
  },
  {
    weight: 8,
    identity: 'asian-american',
    first: {
      she: ['Mei', 'Lian', 'Yuting', 'Jing', 'Grace', 'Xinyi'],
      he: ['Wei', 'Jun', 'Kevin', 'Hao', 'Zhiwei'],
      they: ['Kai', 'Yu'],
    },
    last: ['Chen', 'Wang', 'Liu', 'Zhang', 'Huang', 'Lin', 'Wu', 'Zhou'],
    language: { tag: 'zh', chance: 0.45 },
    immigrant: 0.35,
    origins: ['China', 'Taiwan', 'Hong Kong'],
  },
  {
    weight: 7,
    identity: 'asian-american',
    first: {
      she: ['Maricel', 'Jasmine', 'Bea', 'Kristine', 'Angelica', 'Joy'],
      he: ['Paolo', 'Rafael', 'Jerome', 'Carlo', 'Nico'],
      they: ['Jae', 'Rene'],
    },
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Dela Cruz', 'Villanueva', 'Aquino', 'Manalo'],
    language: { tag: 'tl', chance: 0.45 },
    immigrant: 0.3,
    origins: ['the Philippines'],
  },
  {
    weight: 3,
    identity: 'asian-american',
    first: {
      she: ['Priya', 'Ananya', 'Divya', 'Meera'],
      he: ['Arjun', 'Rohan', 'Vikram', 'Nikhil'],
      they: ['Ash', 'Kiran'],
    },
    last: ['Patel', 'Sharma', 'Singh', 'Iyer', 'Reddy', 'Desai'],
    immigrant: 0.25,
    origins: ['India', 'Pakistan', 'Bangladesh'],
  },
  {
    weight: 3,
    identity: 'asian-american',
    first: {
      she: ['Soo-jin', 'Ji-woo', 'Hana', 'Yuki', 'Erika'],
      he: ['Min-jun', 'Kenji', 'Daniel', 'Hiro'],
      they: ['Ren', 'Sam'],
    },
    last: ['Kim', 'Park', 'Choi', 'Lee', 'Tanaka', 'Nakamura', 'Yamamoto'],
    immigrant: 0.15,
    origins: ['Korea', 'Japan'],
  },
  {
    weight: 4,
    identity: 'native',
    first: {
      she: ['Winona', 'Shandiin', 'Tala', 'Aiyana', 'Kateri'],
      he: ['Dakota', 'Jace', 'Ahiga', 'Elias'],
      they: ['River', 'Sky'],
    },
    last: ['Begay', 'Yazzie', 'Tsosie', 'Benally', 'Nez', 'Sampson', 'Jim', 'Whitehorse'],
    immigrant: 0,
    origins: [],
  },
  {
    weight: 4,
    identity: 'mena',
    first: {
      she: ['Amira', 'Layla', 'Noor', 'Yasmin', 'Dalia'],
      he: ['Omar', 'Yusuf', 'Karim', 'Sami'],
      they: ['Rami', 'Nour'],
    },
    last: ['Haddad', 'Khalil', 'Nasser', 'Saleh', 'Farah', 'Aziz', 'Mansour'],
    immigrant: 0.4,
    origins: ['Lebanon', 'Egypt', 'Iraq', 'Syria', 'Iran'],
  },
  {
    weight: 3,
    identity: 'pacific-islander',
    first: {
      she: ['Leilani', 'Malia', 'Sina', 'Mele'],
      he: ['Keoni', 'Tavita', 'Sione', 'Makoa'],
      they: ['Kaleo', 'Pua'],
    },
    last: ['Kealoha', 'Fonoti', 'Tuilagi', 'Kahale', 'Fifita', 'Taufa'],
    immigrant: 0.15,
    origins: ['Samoa', 'Tonga', 'Fiji'],
  },
  {
    weight: 20,
    first: {
      she: ['Emily', 'Hannah', 'Claire', 'Megan', 'Molly', 'Katie', 'Abby', 'Lauren', 'Erin'],
      he: ['Jacob', 'Tyler', 'Ben', 'Nathan', 'Owen', 'Luke', 'Connor', 'Eli'],
      they: ['Rowan', 'Avery', 'Riley', 'Robin', 'Charlie'],
    },
    last: [
      'Miller',
      'Anderson',
      'Johansson',
      "O'Brien",
      'Sullivan',
      'Peterson',
      'Walsh',
      'Kowalski',
      'Becker',
      'Harper',
      'Thompson',
      'Larsen',
      'Novak',
    ],
    immigrant: 0.05,
    origins: ['Ukraine', 'Poland', 'Ireland'],
  },
];

const CITIES: Record<string, readonly string[]> = {
  CA: [
    'Los Angeles',
    'Oakland',
    'Sacramento',
    'Fresno',
    'San Diego',
    'San José',
    'Riverside',
    'Santa Cruz',
    'Eureka',
    'Bakersfield',
    'Long Beach',
    'Chico',
  ],
  OR: ['Portland', 'Eugene', 'Salem', 'Bend', 'Medford', 'Corvallis'],
  WA: ['Seattle', 'Spokane', 'Tacoma', 'Yakima', 'Bellingham', 'Olympia', 'Walla Walla'],
};

const CERTIFICATIONS: Record<string, string> = {
  CA: 'Medi-Cal Peer Support Specialist Certification (California)',
  OR: 'Oregon Peer Support Specialist, Traditional Health Worker registry',
  WA: 'Washington Certified Peer Specialist',
};
const NATIONAL_CERTIFICATION = 'National Certified Peer Recovery Support Specialist';

const LANGUAGE_LINES: Record<string, string> = {
  es: 'También podemos hablar en español.',
  vi: 'Mình cũng có thể nói chuyện bằng tiếng Việt.',
  zh: '我们也可以用中文聊。',
  tl: 'Puwede rin tayong mag-usap sa Tagalog.',
};
const LANGUAGE_TAGLINES: Record<string, string> = {
  es: 'Hablo español.',
  vi: 'Nói tiếng Việt.',
  zh: '我说中文。',
  tl: 'Nagsasalita ng Tagalog.',
  ase: 'Sessions in ASL.',
};

const TAGLINES = [
  'Small steps count.',
  'Been there; happy to listen.',
  'Plain talk, no judgement.',
  'We go at your pace.',
  'Evenings are my favourite time to talk.',
  'Here to listen first.',
  "You don't have to have it figured out.",
  'Goals, or just a good conversation.',
];

const APPROACHES = [
  "I listen first and don't rush to fix things.",
  'We can set small, concrete goals together, or just talk things through.',
  "I share from my own experience when it helps, and I'll always ask before I do.",
  'I like to help people find the resources on campus and nearby that actually fit them.',
  'Sessions with me are relaxed; silence is allowed and so is laughing.',
];

const CLOSINGS = [
  "I'm not a therapist and I won't diagnose anything; I'm someone who has been there.",
  "If you'd like to try one session and see how it feels, I'd be glad to meet you.",
  'Whatever brings you here, you are welcome as you are.',
  'Peer support is not therapy, but it can be a good place to start.',
];

const RELATIVES = [
  'father',
  'mother',
  'older brother',
  'best friend',
  'grandmother',
  'younger sister',
];
const BRANCHES = ['Army', 'Navy', 'Marine Corps', 'Air Force', 'Coast Guard'];

/** The seeded supporter whose headline and bio contain markup; elements must show it as text. */
export const MARKUP_SUPPORTER_ID = 'sup-013';

// ---------------------------------------------------------------------------------------------
// Generator.

const pad2 = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

/** Reviews happen yearly; dates fall between 2025-03-01 and 2026-02-28 whatever today is. */
function reviewDate(rng: Rng): string {
  const d = new Date(Date.UTC(2025, 2, 1 + rng.int(0, 364)));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

type Persona = 'morning' | 'afternoon' | 'evening' | 'mixed';
const BANDS: Record<Persona, [number, number]> = {
  morning: [9 * 60, 13 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [16 * 60, 21 * 60],
  mixed: [9 * 60, 21 * 60],
};

/** A few blocks a week inside Monday to Friday, 09:00 to 21:00. */
function weeklySchedule(rng: Rng): WeeklySchedule {
  const persona = rng.pick<Persona>(['morning', 'afternoon', 'evening', 'mixed', 'mixed']);
  const [bandOpen, bandClose] = BANDS[persona];
  const days = rng.sampleWeighted([1, 2, 3, 4, 5], rng.int(2, 4), () => 1).sort((a, b) => a - b);
  const weekly: WeeklyBlock[] = [];
  for (const day of days) {
    const length = Math.min(rng.int(2, 4) * 60, bandClose - bandOpen);
    const latestStart = bandClose - length;
    let open = bandOpen + rng.int(0, Math.floor((latestStart - bandOpen) / 60)) * 60;
    if (open + length + 30 <= bandClose && rng.chance(0.2)) open += 30;
    weekly.push({ day, open: clock(open), close: clock(open + length) });
    // Some people with a mixed week also come back in the evening.
    if (persona === 'mixed' && open + length <= 17 * 60 && rng.chance(0.3)) {
      const eveningOpen = Math.max(open + length + 60, 18 * 60);
      if (eveningOpen + 120 <= 21 * 60) {
        weekly.push({ day, open: clock(eveningOpen), close: clock(eveningOpen + 120) });
      }
    }
  }
  return { timeZone: PACIFIC, weekly };
}

function createSupporter(index: number, rng: Rng, usedNames: Set<string>): SupporterRecord {
  const id = `sup-${String(index + 1).padStart(3, '0')}`;
  // A few fixed positions guarantee that even a small set has Chinese and Vietnamese speakers.
  const forcedLanguage = index % 23 === 4 ? 'zh' : index % 23 === 15 ? 'vi' : undefined;
  const multiracial = !forcedLanguage && rng.chance(0.06);
  const background = forcedLanguage
    ? rng.pick(BACKGROUNDS.filter((b) => b.language?.tag === forcedLanguage))
    : rng.weighted(BACKGROUNDS, (b) => b.weight);
  const pronoun = rng.weighted<Pronoun>(['she', 'he', 'they'], (p) =>
    p === 'they' ? 1.5 : p === 'she' ? 5 : 3.5,
  );

  // Names: drawn from the background (and a second one for multiracial people); retries keep the
  // small default set free of duplicates without making the large benchmark set slow.
  const lastFrom = multiracial ? rng.weighted(BACKGROUNDS, (b) => b.weight) : background;
  let name = '';
  let first = '';
  for (let attempt = 0; attempt < 6; attempt++) {
    first = rng.pick(background.first[pronoun]);
    name = `${first} ${rng.pick(lastFrom.last)}`;
    if (!usedNames.has(name)) break;
  }
  usedNames.add(name);

  // Where they are certified: mostly California, a second neighbouring state for some.
  const primary = rng.weighted(['CA', 'OR', 'WA'], (s) => (s === 'CA' ? 58 : s === 'OR' ? 20 : 22));
  const states = [primary];
  if (rng.chance(0.16)) states.push(primary === 'OR' ? rng.pick(['CA', 'WA']) : 'OR');

  // Identities.
  const identities = new Set<string>();
  if (multiracial) identities.add('multiracial');
  else if (background.identity) identities.add(background.identity);
  const asl = index % 29 === 7;
  if (asl) identities.add('deaf');
  if (pronoun === 'they') {
    identities.add('nonbinary');
    if (rng.chance(0.3)) identities.add('trans');
  } else if (rng.chance(0.05)) identities.add('trans');
  if (rng.chance(0.22)) identities.add('queer');
  if (rng.chance(0.3)) identities.add('first-gen');
  if (rng.chance(background.immigrant)) identities.add('immigrant');
  if (rng.chance(0.04)) identities.add('veteran');
  if (rng.chance(0.12)) identities.add('parent');
  if (rng.chance(0.08)) identities.add('disabled');
  if (rng.chance(0.09)) identities.add('neurodivergent');
  if (rng.chance(0.08)) identities.add('faith');

  // Topics follow identities: queer supporters talk about LGBTQ+ life more often, and so on.
  const boost: Record<string, number> = {};
  if (identities.has('queer') || identities.has('trans') || identities.has('nonbinary')) {
    boost['lgbtq'] = 30;
    boost['coming-out'] = 6;
    boost['identity'] = 6;
  }
  if (identities.has('first-gen')) boost['first-gen'] = 25;
  if (identities.has('immigrant')) boost['immigration'] = 20;
  if (identities.has('veteran')) {
    boost['military-life'] = 40;
    boost['trauma-recovery'] = 8;
  }
  if (identities.has('parent')) boost['parenting'] = 20;
  if (identities.has('disabled') || identities.has('deaf')) boost['disability'] = 20;
  if (identities.has('neurodivergent')) boost['adhd'] = 15;
  if (identities.has('multiracial')) boost['identity'] = 12;
  const topicDefs = rng.sampleWeighted(
    TOPIC_DEFS,
    rng.int(3, 6),
    (t) => t.weight + (boost[t.id] ?? 0),
  );

  const languages = ['en'];
  if (background.language && (forcedLanguage || rng.chance(background.language.chance))) {
    languages.push(background.language.tag);
  }
  if (!multiracial && background.identity !== 'latine' && rng.chance(0.04)) languages.push('es');
  if (asl) languages.push('ase');

  const sessionLengths: SessionLength[] = rng.chance(0.5)
    ? [30, 60]
    : rng.chance(0.6)
      ? [60]
      : [30];
  const modalities: SupporterRecord['modalities'] = ['video'];
  if (!asl && rng.chance(0.6)) modalities.push('phone');
  if (rng.chance(0.3)) modalities.push('messaging');

  const certifications: SupporterRecord['certifications'] = states.map((state) => ({
    name: CERTIFICATIONS[state] ?? `${state} Certified Peer Specialist`,
    state,
    reviewedOn: reviewDate(rng),
  }));
  if (topicDefs.some((t) => t.id === 'substance-use-recovery') || rng.chance(0.1)) {
    certifications.push({ name: NATIONAL_CERTIFICATION, reviewedOn: reviewDate(rng) });
  }

  // Words.
  const values = {
    age: String(rng.int(8, 19)),
    years: String(rng.int(2, 9)),
    service: String(rng.int(3, 8)),
    relative: rng.pick(RELATIVES),
    branch: rng.pick(BRANCHES),
    origin: background.origins.length > 0 ? rng.pick(background.origins) : 'abroad',
  };
  const city = rng.pick(CITIES[primary] ?? ['California']);
  const identityLines = IDENTITY_DEFS.filter((d) => d.line && identities.has(d.id))
    .slice(0, 2)
    .map((d) => fill(d.line ?? '', values));
  const opening = rng.pick([
    `I'm ${first}, a certified peer supporter in ${city}.`,
    `Hi, I'm ${first}. I've been a peer supporter for ${values.years} years and live in ${city}.`,
    `${first} here. I live in ${city} and have worked as a peer supporter since finishing school.`,
  ]);
  const phrases = topicDefs.map((t) => t.phrase);
  const extraLanguage = languages.find((l) => LANGUAGE_LINES[l]);
  const paragraph2 = [
    `People often come to me to talk about ${joinList(phrases)}.`,
    rng.pick(APPROACHES),
    rng.pick(CLOSINGS),
    extraLanguage ? LANGUAGE_LINES[extraLanguage] : undefined,
  ].filter(Boolean);
  let bio = `${[opening, ...identityLines].join(' ')}\n\n${paragraph2.join(' ')}`;

  const languageTag = languages.find((l) => LANGUAGE_TAGLINES[l]);
  let headline = `${capitalize(joinList(phrases.slice(0, 3)))}. ${
    languageTag && rng.chance(0.7) ? LANGUAGE_TAGLINES[languageTag] : rng.pick(TAGLINES)
  }`;
  const primaryTopic = topicDefs[0];
  let livedExperience =
    primaryTopic && rng.chance(0.88) ? fill(primaryTopic.story, values) : undefined;

  if (id === MARKUP_SUPPORTER_ID) {
    // Proves that profile text reaches the page as text, never as markup (QUALITY S2).
    headline = 'I <b>really</b> listen. <i>No judgement</i>, just peer support.';
    bio = `${bio}\n\nP.S. <img src=x onerror=alert(1)> If you can read the angle brackets in this sentence, the page is showing my words as <b>plain text</b>, which is how it should be.`;
    livedExperience = `${livedExperience ?? ''} <script>alert("lived")</script>`.trim();
  }

  const record: SupporterRecord = {
    id,
    name,
    headline,
    topics: topicDefs.map(({ id: topicId, label }) => ({ id: topicId, label })),
    identities: IDENTITY_DEFS.filter((d) => identities.has(d.id)).map(
      ({ id: identityId, label }) => ({
        id: identityId,
        label,
      }),
    ),
    languages,
    states,
    sessionLengths,
    bio,
    certifications,
    modalities,
    schedule: weeklySchedule(rng),
  };
  if (rng.chance(0.88)) {
    record.pronouns =
      pronoun === 'she'
        ? rng.pick(['she/her', 'she/her', 'she/they'])
        : pronoun === 'he'
          ? rng.pick(['he/him', 'he/him', 'he/they'])
          : 'they/them';
  }
  // A path: the store makes it absolute on the page's origin, where the mock serves the portrait.
  if (rng.chance(0.85)) record.photoUrl = portraitPath(id);
  if (livedExperience) record.livedExperience = livedExperience;
  return record;
}

/**
 * `count` supporters with profiles and weekly hours, the same for the same `seed` on every run.
 * Ids are `sup-001`, `sup-002`, ...: unique for any count.
 */
export function createSeedSupporters(count = 64, seed = 1): SupporterRecord[] {
  const usedNames = new Set<string>();
  const supporters: SupporterRecord[] = [];
  for (let i = 0; i < count; i++) {
    supporters.push(createSupporter(i, new Rng(mulberry32(mixSeed(seed, i))), usedNames));
  }
  return supporters;
}
