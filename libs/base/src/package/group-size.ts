import { DomainException } from '@app/shared';
import type { Package } from './package.entity.js';

/** BAD_USER_INPUT on `headcount` unless the group is within the package's sizes. */
export function checkGroupSize(pkg: Pick<Package, 'name' | 'minGroupSize' | 'maxGroupSize'>, headcount: number): void {
  if (headcount < pkg.minGroupSize || headcount > pkg.maxGroupSize) {
    throw DomainException.badInput('headcount', `Package "${pkg.name}" takes groups of ${pkg.minGroupSize}–${pkg.maxGroupSize}; ${headcount} asked`);
  }
}
