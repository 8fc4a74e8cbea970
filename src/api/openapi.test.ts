import { expect } from '@open-wc/testing';
import { endpoints, type EndpointName } from './endpoints.js';
import { createOpenApiDocument } from './openapi.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };
type Operation = {
  operationId: string;
  parameters: ({ $ref: string } | { name: string; in: string; required?: boolean })[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const doc = createOpenApiDocument() as Doc;
const operationOf = (name: EndpointName): Operation | undefined => {
  const { path, method } = endpoints[name];
  const item = (doc.paths as Record<string, Record<string, unknown>>)[path];
  return item?.[method.toLowerCase()] as Operation | undefined;
};

/** Resolves a local JSON pointer (`#/a/b`), or returns undefined. */
function resolve(ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

function collectRefs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  it('equals the committed openapi.json', async () => {
    const response = await fetch('/openapi.json');
    const committed = response.ok ? await response.text() : '';
    const generated = `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`;
    if (committed !== generated) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = b.findIndex((text, i) => text !== a[i]);
      throw new Error(
        `openapi.json is stale: run npm run openapi` +
          (response.ok
            ? ` (first difference at line ${line + 1}: ${JSON.stringify(a[line])} vs ${JSON.stringify(b[line])})`
            : ` (GET /openapi.json answered ${response.status})`),
      );
    }
  });

  it('is generated deterministically', () => {
    expect(JSON.stringify(createOpenApiDocument())).to.equal(JSON.stringify(doc));
  });

  it('is OpenAPI 3.1 with the contract version', async () => {
    expect(doc.openapi).to.equal('3.1.0');
    // A literal, not API_VERSION: changing the contract's version is a decision this test records.
    expect(doc.info).to.include({ title: 'Peer support widgets backend API', version: '5.2.0' });
    expect(doc.servers).to.be.an('array').that.is.not.empty;

    // What partners read is the committed file: it must announce the same version.
    const response = await fetch('/openapi.json');
    expect(response.status, 'GET /openapi.json').to.equal(200);
    const committed = (await response.json()) as {
      openapi?: unknown;
      info?: { version?: unknown };
    };
    expect(committed.openapi).to.equal('3.1.0');
    expect(committed.info?.version, 'info.version of openapi.json').to.equal('5.2.0');
  });

  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const endpoint = endpoints[name];
    it(`documents ${name} as ${endpoint.method} ${endpoint.path}`, () => {
      const op = operationOf(name);
      expect(op, `${endpoint.method} ${endpoint.path}`).to.be.an('object');
      expect(op!.operationId).to.equal(name);
      const statuses = Object.keys(op!.responses);
      const expected = [
        endpoint.status,
        400,
        429,
        500,
        ...('request' in endpoint ? [413] : []),
        ...('errors' in endpoint ? endpoint.errors : []),
      ];
      expect(statuses).to.include.members(expected.map(String));
      expect(Boolean(op!.requestBody)).to.equal('request' in endpoint);

      const refs = op!.parameters.flatMap((p) => ('$ref' in p ? [p.$ref] : []));
      const idempotency = '#/components/parameters/IdempotencyKey';
      expect(refs.includes(idempotency)).to.equal('idempotent' in endpoint);
      const manageToken = '#/components/parameters/ManageToken';
      expect(refs.includes(manageToken)).to.equal('manageToken' in endpoint);

      const pathParams = op!.parameters.flatMap((p) =>
        'in' in p && p.in === 'path' ? [p.name] : [],
      );
      const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(pathParams).to.deep.equal(inPath);

      const queryParams = op!.parameters.flatMap((p) =>
        'in' in p && p.in === 'query' ? [p.name] : [],
      );
      expect(queryParams).to.deep.equal(
        ('query' in endpoint ? endpoint.query : []).map((q) => q.name),
      );
    });
  }

  it('has no operation outside the endpoint table', () => {
    const operationIds = Object.values(doc.paths as Record<string, Record<string, Operation>>)
      .flatMap((item) => Object.values(item))
      .map((op) => op.operationId);
    expect(operationIds.sort()).to.deep.equal(Object.keys(endpoints).sort());
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(doc);
    expect(refs.length).to.be.greaterThan(50);
    const broken = [...new Set(refs)].filter((ref) => resolve(ref) === undefined);
    expect(broken, 'unresolved $refs').to.deep.equal([]);
  });

  it('describes error responses with the ErrorBody component', () => {
    const responses = (doc.components as Record<string, Record<string, Json>>).responses!;
    for (const [name, response] of Object.entries(responses)) {
      expect(collectRefs(response), name).to.deep.equal(['#/components/schemas/ErrorBody']);
    }
  });

  it('requires the manage token in a header on the operations on one booking', () => {
    expect(
      (Object.keys(endpoints) as EndpointName[]).filter((name) => 'manageToken' in endpoints[name]),
    ).to.deep.equal(['getBooking', 'cancelBooking', 'rescheduleBooking']);
    const param = resolve('#/components/parameters/ManageToken') as Record<string, Json>;
    expect(param).to.include({ name: 'X-Manage-Token', in: 'header', required: true });
    expect(param.description).to.contain('404').and.contain('never a path or query');
    const token = resolve('#/components/schemas/CreatedBooking/properties/manageToken') as {
      description: string;
    };
    expect(token.description).to.contain('at least 128 bits');
    expect(resolve('#/components/schemas/CreatedBooking/required')).to.include('manageToken');
    expect(resolve('#/components/schemas/Booking/properties/manageToken')).to.equal(undefined);
    const created = resolve(`#/paths/~1bookings/post/responses/201/content/application~1json`);
    expect(created).to.deep.equal({ schema: { $ref: '#/components/schemas/CreatedBooking' } });
  });

  it('writes the idempotency rules down', () => {
    const param = resolve('#/components/parameters/IdempotencyKey') as { description: string };
    for (const rule of [
      'belongs to its operation',
      'the first answer again, the same status and body',
      '422 `idempotency-key-reused`',
      'any 5xx are not remembered',
      'waits for it and gets its answer',
    ]) {
      expect(param.description).to.contain(rule);
    }
  });

  it('lists an error code for every refusal of the booking flow', () => {
    const codes = resolve('#/components/schemas/ErrorCode/enum') as string[];
    expect(codes).to.include.members([
      'payment-below-minimum',
      'payment-above-maximum',
      'payment-kind-not-accepted',
      'slot-not-offered',
      'slot-taken',
      'booking-declined',
      'already-cancelled',
      'idempotency-key-reused',
    ]);
    const unprocessable = resolve('#/components/responses/UnprocessableContent') as {
      description: string;
    };
    for (const code of ['payment-below-minimum', 'slot-not-offered', 'idempotency-key-reused']) {
      expect(unprocessable.description).to.contain(code);
    }
  });

  it('says in the schema that money is in minor units', () => {
    for (const pointer of [
      'Money/properties/amount',
      'SlidingScalePricing/properties/minimum',
      'SlidingScalePricing/properties/byLength/items/properties/suggested',
      'SlidingScalePricing/properties/byLength/items/properties/minimum',
      'SlidingScalePricing/properties/byLength/items/properties/maximum',
      'FixedPricing/properties/price',
      'FixedPricing/properties/byLength/items/properties/price',
      'Program/properties/giftCards/properties/pricePerSession',
    ]) {
      const schemas = doc.components as { schemas: Record<string, Json> };
      const [name, ...rest] = pointer.split('/');
      let node = schemas.schemas[name!] as Json;
      if (name === 'SlidingScalePricing' || name === 'FixedPricing') {
        const branch = name === 'SlidingScalePricing' ? 0 : 1;
        node = (resolve('#/components/schemas/Pricing/oneOf') as Json[])[branch]!;
      }
      for (const key of rest) node = (node as Record<string, Json>)[key]!;
      expect((node as { description?: string }).description, pointer).to.contain('minor units');
    }
  });

  it('documents prices per session length', () => {
    const [sliding, fixed] = resolve('#/components/schemas/Pricing/oneOf') as {
      properties: Record<string, { description?: string; items?: { required?: string[] } }>;
      required: string[];
    }[];
    expect(sliding!.properties.byLength!.description).to.contain('replaces all three');
    expect(sliding!.properties.byLength!.items!.required).to.deep.equal([
      'lengthMinutes',
      'suggested',
      'minimum',
    ]);
    expect(fixed!.properties.byLength!.description).to.contain('replacing the top-level price');
    expect(fixed!.properties.byLength!.items!.required).to.deep.equal(['lengthMinutes', 'price']);
    expect(sliding!.required).not.to.include('byLength');
  });

  it('documents eligibility with the least data, and an age only where there is a limit', () => {
    expect(resolve('#/components/schemas/Program/properties/eligibility')).to.deep.equal({
      $ref: '#/components/schemas/Eligibility',
    });
    const eligibility = resolve('#/components/schemas/Eligibility') as {
      properties: Record<string, { description?: string; enum?: string[]; format?: string }>;
      required: string[];
    };
    expect(eligibility.required).to.deep.equal(['states']);
    const { minAge, ageQuestion, referralUrl } = eligibility.properties;
    expect(minAge!.description).to.contain('no age limit');
    expect(ageQuestion!.enum).to.deep.equal(['age', 'range']);
    expect(ageQuestion!.description).to.contain('ageInRange');
    expect(referralUrl!.format).to.equal('uri');
    expect(referralUrl!.description).to.contain('other places to find support');

    const seeker = resolve('#/components/schemas/BookingRequest/properties/seeker') as {
      properties: Record<string, { description?: string; const?: unknown }>;
      required: string[];
    };
    expect(seeker.required).to.deep.equal(['name', 'email', 'state']);
    expect(seeker.properties.ageInRange).to.deep.include({ type: 'boolean', const: true });
    expect(seeker.properties.age!.description).to.contain('Ignored when the program has no age');
    // A description given to one field stays on that field, not on every use of its schema.
    const joinUrl = resolve('#/components/schemas/Booking/properties/joinUrl') as {
      description?: string;
    };
    expect(joinUrl.description).to.equal(undefined);
    const unprocessable = resolve('#/components/responses/UnprocessableContent') as {
      description: string;
    };
    for (const code of ['out_of_range', 'required', 'not_served', 'not_certified']) {
      expect(unprocessable.description).to.contain(code);
    }
  });

  it('says who cancelled and what a cancellation costs or returns', () => {
    const props = resolve('#/components/schemas/BookingCancellation/properties') as Record<
      string,
      Json
    >;
    expect(props.by).to.deep.equal({ type: 'string', enum: ['seeker', 'supporter'] });
    expect(props.feeDue).to.deep.equal({ $ref: '#/components/schemas/Money' });
    expect(props.refunded).to.deep.equal({ $ref: '#/components/schemas/Money' });
    expect((props.withinFreeWindow as { description: string }).description).to.contain(
      'boundary included',
    );
    expect(resolve('#/components/schemas/Booking/properties/cancellation')).to.deep.equal({
      $ref: '#/components/schemas/BookingCancellation',
    });
  });

  it('documents supporter pages as lists of SupporterSummary', () => {
    expect(resolve('#/components/schemas/SupporterPage/properties/items/items')).to.deep.equal({
      $ref: '#/components/schemas/SupporterSummary',
    });
  });
});
