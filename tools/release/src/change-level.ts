/** How much a change moves a package's version, in changesets' words, plus `none`. */
export const changeLevels = ['none', 'patch', 'minor', 'major'] as const;

export type ChangeLevel = (typeof changeLevels)[number];

/** A level a changeset can declare. */
export type BumpLevel = Exclude<ChangeLevel, 'none'>;

export function isBumpLevel(value: string): value is BumpLevel {
  return value === 'patch' || value === 'minor' || value === 'major';
}

/** Negative when `left` is the smaller level, zero when equal, positive when larger. */
export function compareLevels(left: ChangeLevel, right: ChangeLevel): number {
  return changeLevels.indexOf(left) - changeLevels.indexOf(right);
}

export function highestLevel(levels: Iterable<ChangeLevel>): ChangeLevel {
  let highest: ChangeLevel = 'none';
  for (const level of levels) if (compareLevels(level, highest) > 0) highest = level;
  return highest;
}
