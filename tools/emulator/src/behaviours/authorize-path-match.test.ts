import { describe, expect, it } from 'vitest';
import { pathBelow, pathMatches } from './authorize-path-match.js';

describe('API server operation path patterns', () => {
  it('EXACT compares whole paths, ignoring a trailing slash, case-sensitively', () => {
    expect(pathMatches('/invoices', 'EXACT', '/invoices')).toBe(true);
    expect(pathMatches('/invoices/', 'EXACT', '/invoices')).toBe(true);
    expect(pathMatches('/invoices', 'EXACT', '/invoices/')).toBe(true);
    expect(pathMatches('/invoices', 'EXACT', '/Invoices')).toBe(false);
    expect(pathMatches('/invoices', 'EXACT', '/invoices/42')).toBe(false);
    expect(pathMatches('/invoices/{id}', 'EXACT', '/invoices/42')).toBe(false);
    expect(pathMatches('/invoices/{id}', 'EXACT', '/invoices/{id}')).toBe(true);
  });

  it('PARAMETER lets {name} and * stand for exactly one non-empty segment', () => {
    expect(pathMatches('/invoices/{invoiceId}', 'PARAMETER', '/invoices/42')).toBe(true);
    expect(pathMatches('/invoices/*', 'PARAMETER', '/invoices/42')).toBe(true);
    expect(pathMatches('/invoices/{invoiceId}', 'PARAMETER', '/invoices')).toBe(false);
    expect(pathMatches('/invoices/{invoiceId}', 'PARAMETER', '/invoices/42/lines')).toBe(false);
    expect(pathMatches('/invoices/{invoiceId}/lines', 'PARAMETER', '/invoices/42/lines')).toBe(true);
    expect(pathMatches('/invoices/{invoiceId}/lines', 'PARAMETER', '/invoices/42/notes')).toBe(false);
    expect(pathMatches('/invoices/{invoiceId}', 'PARAMETER', '/invoices//')).toBe(false);
    expect(pathMatches('/{a}/{b}', 'PARAMETER', '/x/y')).toBe(true);
  });

  it('PARAMETER lets a final ** match the rest of the path, including nothing', () => {
    expect(pathMatches('/files/**', 'PARAMETER', '/files')).toBe(true);
    expect(pathMatches('/files/**', 'PARAMETER', '/files/a/b/c')).toBe(true);
    expect(pathMatches('/files/**', 'PARAMETER', '/folders/a')).toBe(false);
    // Only a final ** is a wildcard; elsewhere it is a literal segment.
    expect(pathMatches('/**/x', 'PARAMETER', '/a/x')).toBe(false);
    expect(pathMatches('/**/x', 'PARAMETER', '/**/x')).toBe(true);
  });

  it('finds the path below a base URL only at a whole segment of the same origin', () => {
    const url = new URL('https://API.example.com:443/v1/invoices/42?expand=lines');
    expect(pathBelow('https://api.example.com/v1', url)).toBe('/invoices/42');
    expect(pathBelow('https://api.example.com/v1/', url)).toBe('/invoices/42');
    expect(pathBelow('https://api.example.com', url)).toBe('/v1/invoices/42');
    expect(pathBelow('https://api.example.com/v1/invoices/42', url)).toBe('/');
    expect(pathBelow('https://api.example.com/v', url)).toBeUndefined();
    expect(pathBelow('http://api.example.com/v1', url)).toBeUndefined();
    expect(pathBelow('https://api.example.com:8443/v1', url)).toBeUndefined();
    expect(pathBelow('not a url', url)).toBeUndefined();
    expect(pathBelow('https://api.example.com', new URL('https://api.example.com'))).toBe('/');
  });
});
