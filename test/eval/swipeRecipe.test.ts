import { describe, expect, it } from 'vitest';
import { SWIPE_RECIPES, seedMembers, trainingKey } from '../../eval/swipeRecipe.js';

describe('seedMembers and trainingKey', () => {
  it('makes one single-seed recipe per seed of an ensemble, the recipe alone otherwise', () => {
    const ensemble = SWIPE_RECIPES['window-2s-seeds123']!;
    expect(seedMembers(ensemble).map((m) => [m.seed, m.seeds])).toEqual([[1, undefined], [2, undefined], [3, undefined]]);
    expect(seedMembers(SWIPE_RECIPES['window-2s-seed2']!).map((m) => m.seed)).toEqual([2]);
  });

  it('names the same model for recipes that train the same model, and another for any training change', () => {
    const [one, two] = seedMembers(SWIPE_RECIPES['window-2s-seeds123']!);
    expect(trainingKey(one!)).toBe(trainingKey(SWIPE_RECIPES['window-2s']!));
    expect(trainingKey(two!)).toBe(trainingKey(SWIPE_RECIPES['window-2s-seed2']!));
    const others = ['window-1s', 'window-2s-long', 'window-2s-val', 'window-2s-tracks', 'window-2s-hardneg', 'palm-1s'].map((n) => trainingKey(SWIPE_RECIPES[n]!));
    expect(new Set([trainingKey(one!), trainingKey(two!), ...others]).size).toBe(others.length + 2);
    // the pair's second model trains like the single recipe of its window
    expect(trainingKey(SWIPE_RECIPES['window-2s-and-1s']!.agreeWith!)).toBe(trainingKey(SWIPE_RECIPES['window-1s']!));
  });
});
