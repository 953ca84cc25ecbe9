import { type Expectation, type Fault, faults } from './faults.js';
import { type MethodName, methodNames } from './methods.js';

/** One cell of the matrix: a fault met by one kind of call. */
export interface Cell {
  fault: Fault;
  method: MethodName;
  expectation: Expectation;
}

/** Every cell, fault by fault, in the order of the table. */
export const cells: readonly Cell[] = faults.flatMap((fault) =>
  methodNames.map((method) => ({ fault, method, expectation: fault.expect(method) })),
);
