import { AstRepairer } from './ast-repair.js';

it('strips fences, normalizes line endings and whitespace, and reports each repair', () => {
  const result = new AstRepairer().repair('python', '```python\r\ndef f():\r\n\treturn 1   \r\n```');
  expect(result.code).toBe('def f():\n    return 1\n');
  expect(result.repairs).toEqual([
    'normalize_line_endings',
    'strip_markdown_fences',
    'expand_tabs_in_python',
    'trim_trailing_whitespace',
  ]);
});

it('ends the code with exactly one newline', () => {
  expect(new AstRepairer().repair('rust', 'fn f() {}\n\n\n')).toEqual({ code: 'fn f() {}\n', repairs: ['final_newline'] });
});

it('leaves tidy code alone', () => {
  expect(new AstRepairer().repair('go', 'package x\n\tfunc f() {}\n')).toEqual({
    code: 'package x\n\tfunc f() {}\n',
    repairs: [],
  });
});
