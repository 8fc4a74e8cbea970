/**
 * The mock's vocabulary in the languages the widgets speak. The contract sends tag labels, match
 * reasons and times of day in the language a request asks for (`Accept-Language`), so the mock
 * does too (language names come from the same `languageName` as the widgets); a real backend
 * keeps these in its own tables. Ids never change with the language.
 */
import type { Tag, TimeOfDay } from '../api/schemas.js';

export type MockLocale = 'en' | 'es';

/** The vocabularies that have labels: topics, identities and times of day. */
export type LabelKind = 'topic' | 'identity' | 'time-of-day';

const spanish: Record<LabelKind, Record<string, string>> = {
  topic: {
    anxiety: 'Ansiedad',
    depression: 'Depresión',
    grief: 'Duelo y pérdida',
    lgbtq: 'LGBTQ+',
    'first-gen': 'Estudiante de primera generación',
    'substance-use-recovery': 'Recuperación del consumo de sustancias',
    family: 'Familia',
    relationships: 'Relaciones',
    'school-stress': 'Estrés escolar',
    'work-stress': 'Estrés laboral',
    'body-image': 'Imagen corporal',
    identity: 'Identidad',
    loneliness: 'Soledad',
    'trauma-recovery': 'Recuperación del trauma',
    disability: 'Discapacidad',
    immigration: 'Inmigración',
    'self-esteem': 'Autoestima',
    burnout: 'Agotamiento',
    adhd: 'TDAH',
    'life-transitions': 'Cambios de vida',
    'chronic-illness': 'Enfermedad crónica',
    parenting: 'Crianza',
    'military-life': 'Vida militar y de veterano',
    'coming-out': 'Salir del clóset',
  },
  identity: {
    latine: 'Latine',
    black: 'Negro/a',
    'asian-american': 'Asiático-americano/a',
    native: 'Nativo americano / Indígena',
    'pacific-islander': 'Isleño/a del Pacífico',
    mena: 'Medio Oriente / Norte de África',
    multiracial: 'Multirracial',
    queer: 'Queer',
    trans: 'Trans',
    nonbinary: 'No binario',
    veteran: 'Veterano/a',
    parent: 'Madre o padre',
    disabled: 'Persona con discapacidad',
    'first-gen': 'Estudiante universitario de primera generación',
    immigrant: 'Inmigrante',
    neurodivergent: 'Neurodivergente',
    deaf: 'Sordo/a o con pérdida auditiva',
    faith: 'Persona de fe',
  },
  'time-of-day': { morning: 'Mañanas', afternoon: 'Tardes', evening: 'Noches' },
};

const english: Record<TimeOfDay, string> = {
  morning: 'Mornings',
  afternoon: 'Afternoons',
  evening: 'Evenings',
};

/**
 * The language of the answer: the first of `es` or `en` in `Accept-Language`, by preference
 * (`es-MX,es;q=0.9,en;q=0.8` is Spanish); English when neither is asked for.
 */
export function localeOf(acceptLanguage: string | null | undefined): MockLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find(({ language }) => language === 'es' || language === 'en');
  return found?.language === 'es' ? 'es' : 'en';
}

/** A tag with its label in `locale`; the English label stays when there is no translation. */
export function localizeTag(kind: LabelKind, tag: Tag, locale: MockLocale): Tag {
  return { id: tag.id, label: labelOf(kind, tag.id, tag.label, locale) };
}

export function labelOf(kind: LabelKind, id: string, fallback: string, locale: MockLocale): string {
  return (locale === 'es' && spanish[kind][id]) || fallback;
}

/** Every label a tag has, in every language: free-text search finds it whichever is typed. */
export function allLabels(kind: LabelKind, tag: Tag): string[] {
  const other = spanish[kind][tag.id];
  return other ? [tag.label, other] : [tag.label];
}

export function timeOfDayLabel(band: TimeOfDay, locale: MockLocale): string {
  return labelOf('time-of-day', band, english[band], locale);
}
