import { parseArgs } from './args.js';

describe('parseArgs', () => {
  it('reads valued options, switches and positionals', () => {
    const args = parseArgs(['name', '--dataset', 'ds', '--apply', '--dir=x'], ['dataset', 'dir'], ['apply']);
    expect(args.positionals).toEqual(['name']);
    expect([...args.flags]).toEqual([
      ['dataset', 'ds'],
      ['apply', true],
      ['dir', 'x'],
    ]);
  });

  it('rejects unknown options and missing values', () => {
    expect(() => parseArgs(['--aply'], [], ['apply'])).toThrow('unknown option --aply');
    expect(() => parseArgs(['--dataset'], ['dataset'], [])).toThrow('--dataset needs a value');
  });
});
