import { CrisisBanner } from './crisis-banner.js';

CrisisBanner.define();

export { CrisisBanner };
