/**
 * The script-tag entry: registers every element. Safe to load twice (a second copy warns, never
 * throws).
 */
import './elements/crisis-banner/define.js';
import './elements/peer-support-provider/define.js';

export * from './index.js';
