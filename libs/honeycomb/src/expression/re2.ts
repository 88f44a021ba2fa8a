/**
 * Honeycomb evaluates REG_* patterns with Go's regexp package (RE2 syntax: golang.org/s/re2syntax).
 * This maps that syntax onto a JavaScript RegExp with the `u` flag, and rejects what RE2 rejects
 * (look-around, backreferences) so a pattern Honeycomb refuses is refused here too.
 */
export function compileRe2(source: string, global = false): RegExp {
  const { body, flags } = leadingFlags(source);
  let translated: string;
  try {
    translated = translate(body);
    return new RegExp(translated, `u${flags}${global ? 'g' : ''}`);
  } catch (error) {
    throw new Error(`invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`, { cause: error });
  }
}

/** RE2's `(?ims)` flag group at the start becomes JavaScript flags; `U` (ungreedy) has no equivalent. */
function leadingFlags(source: string): { body: string; flags: string } {
  const group = /^\(\?([imsU]+)\)/.exec(source);
  if (!group) return { body: source, flags: '' };
  if (group[1]!.includes('U'))
    throw new Error(`invalid regular expression ${JSON.stringify(source)}: the U flag is not supported`);
  return { body: source.slice(group[0].length), flags: [...new Set(group[1])].join('') };
}

/** JavaScript's `u` mode lets these be escaped outside a class; RE2 allows any ASCII punctuation. */
const JS_ESCAPABLE = new Set('^$\\.*+?()[]{}|/');
const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function translate(body: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length;) {
    const ch = body[i]!;
    if (ch === '\\') {
      const { text, length } = escape(body, i, inClass);
      out += text;
      i += length;
    } else if (inClass && body.startsWith('[:', i)) {
      const end = body.indexOf(':]', i + 2);
      const name = body.slice(i + 2, end);
      const negated = name.startsWith('^');
      const range = POSIX_CLASSES[negated ? name.slice(1) : name];
      if (end < 0 || range === undefined || negated) throw new Error(`unsupported character class [:${name}:]`);
      out += range;
      i = end + 2;
    } else if (ch === '(' && !inClass && body[i + 1] === '?') {
      const group = /^\(\?(P?<[A-Za-z_][A-Za-z0-9_]*>|:)/.exec(body.slice(i));
      if (!group && /^\(\?<?[=!]/.test(body.slice(i))) throw new Error('RE2 has no look-around');
      if (!group) throw new Error('only a leading inline flag group such as (?i) is supported');
      out += group[0].replace('(?P<', '(?<');
      i += group[0].length;
    } else if (ch === '{' && !inClass) {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(body.slice(i));
      if (repeat && [repeat[1], repeat[3]].some((n) => n !== undefined && n !== '' && Number(n) > 1000)) {
        throw new Error('repeat count above 1000');
      }
      out += repeat ? repeat[0] : '\\{';
      i += repeat ? repeat[0].length : 1;
    } else if (ch === '}' && !inClass) {
      out += '\\}';
      i++;
    } else {
      if (ch === '[' && !inClass) {
        inClass = true;
        // A `]` right after `[` or `[^` is a literal in RE2.
        const head = body.startsWith('[^', i) ? '[^' : '[';
        out += head;
        i += head.length;
        if (body[i] === ']') {
          out += '\\]';
          i++;
        }
        continue;
      }
      if (ch === ']' && !inClass) {
        out += '\\]';
        i++;
        continue;
      }
      if (ch === ']') inClass = false;
      else if (ch === '[') {
        out += '\\[';
        i++;
        continue;
      }
      out += ch;
      i++;
    }
  }
  return out;
}

function escape(body: string, at: number, inClass: boolean): { text: string; length: number } {
  const next = body[at + 1];
  if (next === undefined) throw new Error('trailing backslash');
  if (/\d/.test(next)) throw new Error(`backreferences and octal escapes (\\${next}) are not supported by RE2`);
  if (next === 'A') return { text: '(?<![\\s\\S])', length: 2 };
  if (next === 'z') return { text: '(?![\\s\\S])', length: 2 };
  if (next === 'Q') {
    const end = body.indexOf('\\E', at + 2);
    const literal = body.slice(at + 2, end < 0 ? undefined : end);
    return { text: literal.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), length: literal.length + 2 + (end < 0 ? 0 : 2) };
  }
  if (next === 'p' || next === 'P') {
    const braced = /^\\[pP]\{(\^?)([A-Za-z_]+)\}/.exec(body.slice(at));
    const single = /^\\[pP]([A-Za-z])/.exec(body.slice(at));
    const match = braced ?? single;
    if (!match) throw new Error('invalid \\p escape');
    const name = braced ? braced[2]! : single![1]!;
    const negate = (next === 'P') !== (braced?.[1] === '^');
    const property = GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
    return { text: `\\${negate ? 'P' : 'p'}{${property}}`, length: match[0].length };
  }
  if (next === 'x' && body[at + 2] === '{') {
    const end = body.indexOf('}', at);
    return { text: `\\u{${body.slice(at + 3, end)}}`, length: end - at + 1 };
  }
  if (/[!-/:-@[-`{-~]/.test(next) && !JS_ESCAPABLE.has(next) && !(inClass && next === '-')) {
    return { text: `\\x${next.charCodeAt(0).toString(16).padStart(2, '0')}`, length: 2 };
  }
  if (next === 'C') throw new Error('\\C is not supported');
  return { text: `\\${next}`, length: 2 };
}
