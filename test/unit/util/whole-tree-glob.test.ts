import { describe, expect, it } from 'vitest';
import { choosesEverything } from '../../../src/util/whole-tree-glob.js';

describe('output globs that choose (nearly) every path', () => {
  it.each([
    ['**'],
    ['**/**'],
    ['*/**'],
    ['**/*'],
    ['**/?*'],
    ['**/!(*.ts)'],
    // Before: passed, naming the one probe name there was.
    ['**/!(.disbuild-probe)'],
    ['**/*.*'],
    ['*/*', '*/*/*'],
  ])('refuses %j', (...globs) => {
    expect(choosesEverything(globs)).toBe(true);
  });

  it.each([
    ['*'],
    ['**/*.js'],
    ['**/*.txt'],
    ['*/*'],
    ['**/dist/**'],
    ['**/*.{js,map}'],
    ['pkg/**'],
    ['!**'],
  ])('takes %j', (...globs) => {
    expect(choosesEverything(globs)).toBe(false);
  });
});
