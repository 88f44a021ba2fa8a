import { Injectable } from '@nestjs/common';
import { SpanAttr, Traced } from '@lift-sys/observability';
import type { Language } from './languages.js';

export interface RepairResult {
  code: string;
  repairs: string[];
}

const REPAIRS: ReadonlyArray<{ name: string; apply: (code: string, language: Language) => string }> = [
  { name: 'normalize_line_endings', apply: (code) => code.replace(/\r\n?/g, '\n') },
  { name: 'strip_markdown_fences', apply: (code) => code.replace(/^\s*```[\w+-]*[ \t]*\n/, '').replace(/\n```\s*$/, '\n') },
  { name: 'expand_tabs_in_python', apply: (code, language) => (language === 'python' ? code.replace(/\t/g, '    ') : code) },
  { name: 'trim_trailing_whitespace', apply: (code) => code.replace(/[ \t]+$/gm, '') },
  { name: 'final_newline', apply: (code) => `${code.replace(/\n+$/, '')}\n` },
];

/** Mechanical fixes models commonly need (fences, line endings, whitespace) before the code is checked. */
@Injectable()
export class AstRepairer {
  @Traced('ast.repair', { result: (result: RepairResult) => ({ 'ast.repairs_applied': result.repairs.length }) })
  repair(@SpanAttr('code.language') language: Language, code: string): RepairResult {
    let current = code;
    const repairs: string[] = [];
    for (const repair of REPAIRS) {
      const next = repair.apply(current, language);
      if (next !== current) repairs.push(repair.name);
      current = next;
    }
    return { code: current, repairs };
  }
}
