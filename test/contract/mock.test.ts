/** The contract suite against the MSW mock, in Node (`msw/node` answers the global fetch). */
import { after, before } from 'node:test';
import { createMockContractBackend } from './mock-backend.js';
import { runContractSuite } from './suite.js';

const backend = createMockContractBackend();
before(() => backend.listen());
after(() => backend.close());

runContractSuite(backend);
