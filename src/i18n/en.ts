import type { CommonStrings, CrisisStrings } from './types.js';

export const crisis: CrisisStrings = {
  regionLabel: 'Crisis support',
  title: 'If you are in crisis, you can get help right now.',
  intro:
    'You are not alone. Trained crisis counselors at the 988 Suicide & Crisis Lifeline answer 24 hours a day, 7 days a week. It is free and confidential.',
  call988: 'Call 988',
  text988: 'Text 988',
  text988Short: 'Text 988',
  chat988: 'Chat at 988lifeline.org',
  chatUrl: 'https://988lifeline.org/chat/',
  spanish: 'Help in Spanish: call 988 and press 2, or text AYUDA to 988.',
  asl: 'Deaf or hard of hearing: call 988 by ASL videophone, or text 988.',
  veterans: 'Veterans and service members: call 988 and press 1.',
  emergency:
    'For a medical emergency, or if you are in immediate danger, call 911 or go to the nearest emergency room.',
  call911: 'Call 911',
  notCrisisService: 'Peer supporters are not a crisis service.',
  compactLead: 'In crisis?',
  compactEmergency: 'Emergency:',
  callExtra: 'Call {label}',
  textExtra: 'Text {label}',
  moreHelp: 'More ways to get help',
  lessHelp: 'Show less',
  opensInNewTab: '(opens in a new tab)',
};

export const common: CommonStrings = {
  loading: 'Loading…',
  retry: 'Try again',
  offline: 'You appear to be offline. Check your connection and try again.',
  loadFailed: 'Something went wrong while loading. Please try again.',
  invalidData: 'We received information we could not read. Please try again later.',
};
