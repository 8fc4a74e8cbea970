/**
 * The mock backend: seed data, the rules (store), MSW handlers, failure scenarios and the
 * browser worker. For development, tests and Storybook only; never part of `dist/` (QUALITY P4).
 */
export {
  MARKUP_SUPPORTER_ID,
  createSeedSupporters,
  identityTags,
  mulberry32,
  programVariants,
  referenceProgram,
  seedGiftCards,
  topicTags,
  type ProgramVariant,
  type SeedGiftCard,
  type SupporterRecord,
  type WeeklyBlock,
  type WeeklySchedule,
} from './data.js';
export {
  createMockStore,
  timeOfDay,
  type ApiFailure,
  type ApiResult,
  type ApiSuccess,
  type IdempotentOperation,
  type MockStore,
  type MockStoreOptions,
  type SlotQuery,
  type SupporterFilters,
  type SupporterListQuery,
  type SupporterPage,
} from './store.js';
export {
  createHandlers,
  endpointUrl,
  idempotentOperations,
  portraitHandler,
  type HandlerOptions,
} from './handlers.js';
export { PORTRAIT_PATH, portraitPath, portraitSvg } from './portraits.js';
export { scenarioHandlers, scenarios, type Scenario, type ScenarioOptions } from './scenarios.js';
export {
  startMockBackend,
  stopMockBackend,
  type MockBackend,
  type MockBackendOptions,
} from './browser.js';
