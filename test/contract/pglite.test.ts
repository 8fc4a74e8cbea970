/** The contract suite against the reference server on PGlite (embedded, data in a temp folder). */
import { after, before } from 'node:test';
import { createServerContractBackend } from './server-backend.js';
import { runContractSuite } from './suite.js';

const backend = createServerContractBackend({ name: 'reference server on PGlite' });
before(() => backend.start(), { timeout: 120_000 });
after(() => backend.stop());

runContractSuite(backend);
