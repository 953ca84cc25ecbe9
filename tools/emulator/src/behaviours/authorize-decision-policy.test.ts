import { describe, expect, it } from 'vitest';
import type { DecisionFacts, DeployedServer } from './authorize-decision-model.js';
import { decide } from './authorize-decision-policy.js';

const invoices: DeployedServer = {
  id: 'invoices',
  baseUrls: ['https://api.example.com/v1', 'https://invoices.example.com'],
  operations: [
    {
      id: 'read-invoice',
      methods: ['GET'],
      paths: [{ pattern: '/invoices/{invoiceId}', type: 'PARAMETER' }],
      accessControl: { permission: { id: 'invoice:read' } },
    },
    {
      id: 'draft-invoice',
      methods: ['GET'],
      paths: [{ pattern: '/invoices/draft', type: 'EXACT' }],
      accessControl: { group: { groups: [{ id: 'accountants' }, { id: 'auditors' }] } },
    },
    { id: 'health', paths: [{ pattern: '/health', type: 'EXACT' }] },
    {
      id: 'write-invoice',
      methods: ['POST', 'PUT'],
      paths: [{ pattern: '/invoices/**', type: 'PARAMETER' }],
      accessControl: {
        permission: { id: 'invoice:write' },
        scope: { matchType: 'ALL', scopes: [{ id: 'scope-write' }, { id: 'scope-invoices' }] },
      },
    },
    {
      id: 'list-invoices',
      methods: ['GET'],
      paths: [{ pattern: '/invoices', type: 'EXACT' }],
      accessControl: { scope: { scopes: [{ id: 'scope-read' }, { id: 'scope-invoices' }] } },
    },
  ],
};
const reports: DeployedServer = {
  id: 'reports',
  baseUrls: ['https://api.example.com/v1/reports'],
  operations: [{ id: 'any-report', paths: [{ pattern: '/**', type: 'PARAMETER' }] }],
};

const facts: DecisionFacts = {
  permissionsOf: (userId) => new Set(userId === 'ann' ? ['invoice:read', 'invoice:write'] : []),
  groupsOf: (userId) => new Set(userId === 'bob' ? ['auditors'] : []),
  scopeName: (server, scopeId) =>
    server.id === 'invoices'
      ? { 'scope-read': 'read', 'scope-write': 'write', 'scope-invoices': 'invoices' }[scopeId]
      : undefined,
};

const ask = (parameters: Record<string, unknown>, userId?: string) =>
  decide(parameters, userId, [invoices, reports], facts);
const get = (url: string, userId?: string, extra: Record<string, unknown> = {}) =>
  ask({ method: 'GET', url, ...extra }, userId);

describe('Authorize decision policy', () => {
  it('1. needs method and url, and an absolute url', () => {
    expect(ask({ url: 'https://api.example.com/v1/health' })).toEqual({
      decision: 'INDETERMINATE',
      status: { code: 'MISSING_ATTRIBUTE', message: 'parameters.method is required.' },
    });
    expect(ask({ method: 'GET', url: '' }).status.message).toBe('parameters.url is required.');
    expect(ask({ method: 'GET', url: 42 }).status.code).toBe('MISSING_ATTRIBUTE');
    expect(ask({ method: 'GET', url: '/v1/health' })).toMatchObject({
      decision: 'INDETERMINATE',
      status: { code: 'TYPE_CONVERSION_ERROR' },
    });
  });

  it('2. picks the API server by base URL, the longest base path winning', () => {
    expect(get('https://api.example.com/v1/health')).toMatchObject({ decision: 'PERMIT', server: invoices });
    expect(get('https://invoices.example.com/health').server).toBe(invoices);
    expect(get('https://api.example.com/v1/reports/monthly')).toMatchObject({
      decision: 'PERMIT',
      server: reports,
      operation: { id: 'any-report' },
    });
    expect(get('https://api.example.com/v2/health')).toEqual({
      decision: 'NOT_APPLICABLE',
      status: { code: 'OKAY' },
    });
    expect(get('https://other.example.com/v1/health').decision).toBe('NOT_APPLICABLE');
    expect(
      decide({ method: 'GET', url: 'https://api.example.com/v1/health' }, undefined, [], facts).decision,
    ).toBe('NOT_APPLICABLE');
  });

  it('3. matches the operation by method and path, EXACT before PARAMETER', () => {
    expect(get('https://api.example.com/v1/invoices/42', 'ann').operation?.id).toBe('read-invoice');
    expect(get('https://api.example.com/v1/invoices/draft', 'bob').operation?.id).toBe('draft-invoice');
    expect(ask({ method: 'delete', url: 'https://api.example.com/v1/health' }).operation?.id).toBe('health');
    expect(ask({ method: 'put', url: 'https://api.example.com/v1/invoices/42' }, 'ann').operation?.id).toBe(
      'write-invoice',
    );
    const unmatched = ask({ method: 'DELETE', url: 'https://api.example.com/v1/invoices/42' }, 'ann');
    expect(unmatched).toMatchObject({
      decision: 'NOT_APPLICABLE',
      status: { code: 'OKAY' },
      server: invoices,
    });
    expect(unmatched.operation).toBeUndefined();
    expect(get('https://api.example.com/v1/customers/7').decision).toBe('NOT_APPLICABLE');
  });

  it('4. permits an operation without access control to anyone', () => {
    expect(get('https://api.example.com/v1/health')).toMatchObject({
      decision: 'PERMIT',
      status: { code: 'OKAY' },
    });
    expect(get('https://api.example.com/v1/health', 'nobody').decision).toBe('PERMIT');
  });

  it('5. checks a permission held through application roles', () => {
    expect(get('https://api.example.com/v1/invoices/42', 'ann').decision).toBe('PERMIT');
    expect(get('https://api.example.com/v1/invoices/42', 'bob').decision).toBe('DENY');
  });

  it('5. checks membership of one of the groups', () => {
    expect(get('https://api.example.com/v1/invoices/draft', 'bob').decision).toBe('PERMIT');
    expect(get('https://api.example.com/v1/invoices/draft', 'ann').decision).toBe('DENY');
  });

  it('5. checks token scopes by name, ANY by default and ALL when asked', () => {
    const list = 'https://api.example.com/v1/invoices';
    expect(get(list, undefined, { scope: 'read' }).decision).toBe('PERMIT');
    expect(get(list, undefined, { scope: ['openid', 'invoices'] }).decision).toBe('PERMIT');
    expect(get(list, undefined, { scope: 'openid profile' }).decision).toBe('DENY');
    expect(get(list).decision).toBe('DENY');
    const write = { method: 'POST', url: 'https://api.example.com/v1/invoices/42/lines' };
    expect(ask({ ...write, scope: 'write invoices' }, 'ann').decision).toBe('PERMIT');
    expect(ask({ ...write, scope: 'write' }, 'ann').decision).toBe('DENY');
    // Every part must hold: the scopes alone do not make up for a missing permission.
    expect(ask({ ...write, scope: 'write invoices' }, 'bob').decision).toBe('DENY');
  });

  it('6. asks for the user when a permission or group is required, and an unknown user holds nothing', () => {
    expect(get('https://api.example.com/v1/invoices/42')).toMatchObject({
      decision: 'INDETERMINATE',
      status: { code: 'MISSING_ATTRIBUTE', message: 'userContext.user.id is required.' },
      operation: { id: 'read-invoice' },
    });
    expect(get('https://api.example.com/v1/invoices/draft').decision).toBe('INDETERMINATE');
    expect(get('https://api.example.com/v1/invoices/42', 'stranger').decision).toBe('DENY');
  });

  it('7. answers OKAY with PERMIT, DENY and NOT_APPLICABLE', () => {
    for (const url of ['https://api.example.com/v1/invoices/42', 'https://elsewhere.example.com/']) {
      for (const user of ['ann', 'bob']) expect(get(url, user).status).toEqual({ code: 'OKAY' });
    }
  });
});
