import { PeerDirectory } from './peer-directory.js';

PeerDirectory.define();

export { PeerDirectory };
