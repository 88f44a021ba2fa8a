import { seededRandom } from '../testing/fixtures.js';
import { topK } from './top-k.js';

describe('topK', () => {
  const byValue = (a: number, b: number) => a - b;

  it('equals sorting everything and taking the first k', () => {
    const random = seededRandom(3);
    const items = Array.from({ length: 5000 }, () => Math.floor(random() * 1000));
    for (const k of [0, 1, 20, 999, 1250, 5000, 6000]) {
      expect(topK(items, k, byValue)).toEqual([...items].sort(byValue).slice(0, k));
    }
  });

  it('does not modify its input', () => {
    const items = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0];
    topK(items, 2, byValue);
    expect(items).toEqual([5, 3, 9, 1, 7, 2, 8, 6, 4, 0]);
  });
});
