/**
 * The script-tag entry: registers every element. Safe to load twice (a second copy warns, never
 * throws). It exposes the element and event classes on `window.PeerSupportWidgets`; the API
 * client and schemas are for module users (`peer-support-widgets/api`), which keeps the script
 * within its size budget (QUALITY P1).
 */
import './elements/crisis-banner/define.js';
import './elements/peer-support-provider/define.js';

export { CrisisBanner } from './elements/crisis-banner/crisis-banner.js';
export { PeerSupportProvider } from './elements/peer-support-provider/peer-support-provider.js';
export { PeerErrorEvent, PeerSupporterSelectedEvent } from './events.js';

// <peer-directory> is not in the script-tag bundle: with it the bundle is 35.9 KiB gzip, over its
// 30 KiB budget (QUALITY P1), and the budget is waiting on a decision. Until then it ships as an
// ES module entry (`peer-support-widgets/peer-directory`).
