import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundleCurated,
  findConformanceProblems,
  loadReference,
  type OperationFacts,
  operationsOf,
  pathShape,
  referenceAvailable,
  referenceRoot,
  type ServiceConformance,
  specRoot,
} from './conformance.js';

/** The api host's reference documents: the six go-sdk-v2 modules and Ping's own generator spec. */
const apiHostReferences = [
  'pingone-openapi/pingone-go-sdk-v2/pingone-management.yml',
  'pingone-openapi/pingone-go-sdk-v2/pingone-mfa.yml',
  'pingone-openapi/pingone-go-sdk-v2/pingone-authorize.yml',
  'pingone-openapi/pingone-go-sdk-v2/pingone-credentials.yml',
  'pingone-openapi/pingone-go-sdk-v2/pingone-risk.yml',
  'pingone-openapi/pingone-go-sdk-v2/pingone-verify.yml',
  'pingone-openapi/pingone-go-client/openapi.yaml',
];

/**
 * Which reference each curated service is held to. A service folder under spec/ that is missing here
 * is reported as unchecked; add a row to check it.
 */
const services: ServiceConformance[] = [
  { service: 'management', references: apiHostReferences },
  { service: 'images', references: apiHostReferences },
  // Each service package is held to its own module of the community Go SDK, or to Ping's generator spec.
  { service: 'mfa', references: ['pingone-openapi/pingone-go-sdk-v2/pingone-mfa.yml'] },
  { service: 'authorize', references: ['pingone-openapi/pingone-go-sdk-v2/pingone-authorize.yml'] },
  { service: 'protect', references: ['pingone-openapi/pingone-go-sdk-v2/pingone-risk.yml'] },
  {
    service: 'verify',
    // Verify transactions of a user are written in the management module.
    references: [
      'pingone-openapi/pingone-go-sdk-v2/pingone-verify.yml',
      'pingone-openapi/pingone-go-sdk-v2/pingone-management.yml',
    ],
  },
  { service: 'credentials', references: ['pingone-openapi/pingone-go-sdk-v2/pingone-credentials.yml'] },
  { service: 'davinci', references: ['pingone-openapi/pingone-go-client/openapi.yaml'] },
  {
    service: 'auth',
    references: ['pingone-openapi/pingone-openapi-specs/authenticationAPIs.yml'],
    // The Postman-derived auth spec prefixes the OIDC and flow paths with `/v1`; the auth host has none.
    normalizeReferencePath: (path) => path.replace(/^\/v1(?=\/)/, ''),
  },
];

const curatedServices = readdirSync(specRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(specRoot, entry.name, 'openapi.yaml')))
  .map((entry) => entry.name)
  .sort();

const referencePresent = existsSync(referenceRoot);
if (!referencePresent) {
  console.log(
    `conformance: skipped, the reference folder ${referenceRoot} is absent (set PINGONE_REFERENCE_DIR to use another).`,
  );
}

describe('conformance helpers', () => {
  it('erases parameter names and same-URL fragments from paths', () => {
    expect(pathShape('/environments/{environmentID}/users/{userId}')).toBe('/environments/{}/users/{}');
    expect(pathShape('/environments/{environmentID}/flows/{flowID}#clone+json')).toBe(
      '/environments/{}/flows/{}',
    );
  });

  it('reports a missing operation and differing required parameters, and accepts a cited source', () => {
    const operation = (facts: Partial<OperationFacts>): OperationFacts => ({
      method: 'get',
      path: '/x',
      shape: '/x',
      operationId: 'x',
      externalDocsUrl: undefined,
      requiredPath: [],
      requiredQuery: [],
      ...facts,
    });
    const reference = [
      operation({ path: '/a/{aID}', shape: '/a/{}', requiredPath: ['aID'], requiredQuery: ['q'] }),
    ];
    const problems = findConformanceProblems(
      [
        operation({
          operationId: 'ok',
          path: '/a/{aId}',
          shape: '/a/{}',
          requiredPath: ['aId'],
          requiredQuery: ['q'],
        }),
        operation({ operationId: 'noQuery', path: '/a/{aId}', shape: '/a/{}', requiredPath: ['aId'] }),
        operation({ operationId: 'missing', path: '/b', shape: '/b' }),
        operation({
          operationId: 'cited',
          path: '/c',
          shape: '/c',
          externalDocsUrl: 'https://example.com/doc',
        }),
      ],
      reference,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^noQuery GET \/a\/\{aId\}: required parameters differ/);
    expect(problems[1]).toMatch(/^missing GET \/b: no GET \/b in the reference/);
  });
});

describe.skipIf(!referencePresent)(
  `conformance of the curated specs with the reference${referencePresent ? '' : ' (skipped: ../shared/reference is absent)'}`,
  () => {
    for (const service of curatedServices) {
      const config = services.find((row) => row.service === service);
      if (!config) {
        it.skip(`${service}: no reference configured in spec/src/conformance.test.ts`, () => {});
        continue;
      }
      const available = referenceAvailable(config);
      it.skipIf(!available)(
        `${service}: every operation matches the reference or cites its source${available ? '' : ' (skipped: reference document missing)'}`,
        async () => {
          const curated = operationsOf(await bundleCurated(service));
          const reference = config.references.flatMap((file) =>
            operationsOf(loadReference(file), config.normalizeReferencePath),
          );
          expect(curated.length, `${service} has no operations`).toBeGreaterThan(0);
          const problems = findConformanceProblems(curated, reference);
          expect(
            problems,
            `${problems.length} of ${curated.length} operations of spec/${service} do not conform:\n  ${problems.join('\n  ')}\n`,
          ).toEqual([]);
        },
        120_000,
      );
    }
  },
);
