/** The operations every data element uses: program, supporters, slots, next available, matching. */
import {
  MatchRequestSchema,
  MatchResultSchema,
  NextAvailableSchema,
  ProgramSchema,
  SlotListSchema,
  SupporterFiltersSchema,
  SupporterPageSchema,
  SupporterProfileSchema,
  SupporterQuerySchema,
} from './schemas.js';
import type { Endpoint } from './endpoints.js';

export const coreEndpoints = {
  getProgram: {
    method: 'GET',
    path: '/program',
    response: ProgramSchema,
    status: 200,
  },
  listSupporters: {
    method: 'POST',
    path: '/supporters/search',
    request: SupporterQuerySchema,
    response: SupporterPageSchema,
    status: 200,
  },
  getSupporter: {
    method: 'GET',
    path: '/supporters/{supporterId}',
    response: SupporterProfileSchema,
    status: 200,
    errors: [404],
  },
  listSlots: {
    method: 'GET',
    path: '/supporters/{supporterId}/slots',
    response: SlotListSchema,
    status: 200,
    query: [
      { name: 'from', type: 'string' },
      { name: 'to', type: 'string' },
      { name: 'lengthMinutes', type: 'integer' },
    ],
    errors: [404],
  },
  nextAvailable: {
    method: 'POST',
    path: '/slots/next',
    request: SupporterFiltersSchema,
    response: NextAvailableSchema,
    status: 200,
  },
  match: {
    method: 'POST',
    path: '/matches',
    request: MatchRequestSchema,
    response: MatchResultSchema,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;
