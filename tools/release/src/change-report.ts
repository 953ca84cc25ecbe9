import type { BumpLevel } from './change-level.js';
import type { JsonObject } from './openapi-document.js';
import type { SpecChange } from './spec-change.js';

/** What one classification run carries around: both documents and the changes found so far. */
export interface ChangeReport {
  before: JsonObject;
  after: JsonObject;
  changes: SpecChange[];
  /**
   * Pairs of named schemas already compared (per direction). A shared schema such as `User` is
   * reported once, under its own name, however many operations reach it; it also ends recursion.
   */
  compared: Set<string>;
}

export function createChangeReport(before: JsonObject, after: JsonObject): ChangeReport {
  return { before, after, changes: [], compared: new Set() };
}

export function report(target: ChangeReport, level: BumpLevel, message: string): void {
  target.changes.push({ level, message });
}
