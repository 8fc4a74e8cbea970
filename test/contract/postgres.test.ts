/**
 * The contract suite against the reference server on PostgreSQL: a scratch database beside the
 * one `DATABASE_URL` names (`.ci/run` starts a server on loopback and sets it).
 */
import { after, before, describe } from 'node:test';
import { createServerContractBackend } from './server-backend.js';
import { runContractSuite } from './suite.js';

const databaseUrl = process.env['DATABASE_URL'];

describe(
  'the reference server on PostgreSQL',
  { skip: databaseUrl ? false : 'set DATABASE_URL to a PostgreSQL server (.ci/run does)' },
  () => {
    const backend = createServerContractBackend({
      name: 'reference server on PostgreSQL',
      databaseUrl: databaseUrl!,
    });
    before(() => backend.start(), { timeout: 120_000 });
    after(() => backend.stop());
    runContractSuite(backend);
  },
);
