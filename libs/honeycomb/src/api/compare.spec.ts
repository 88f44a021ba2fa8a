import { changedFields, matches } from './compare.js';

describe('matches', () => {
  it('ignores fields Honeycomb adds and treats empty desired values as missing', () => {
    expect(matches({ a: 1 }, { a: 1, id: 'x', created_at: 'now' })).toBe(true);
    expect(matches({ description: '', disabled: false, tags: [] }, {})).toBe(true);
    expect(matches({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('compares arrays by length and element', () => {
    expect(matches([{ id: 'a' }], [{ id: 'a', type: 'slack' }])).toBe(true);
    expect(matches([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toBe(false);
    expect(matches([1, 2], [2, 1])).toBe(false);
  });
});

describe('changedFields', () => {
  it('names the top-level fields that differ', () => {
    expect(
      changedFields(
        { name: 'x', threshold: { op: '>', value: 1 }, frequency: 60 },
        { name: 'x', threshold: { op: '>', value: 2 }, frequency: 60 },
      ),
    ).toEqual(['threshold']);
  });
});
