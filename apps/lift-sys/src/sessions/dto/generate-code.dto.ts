import { IsIn } from 'class-validator';
import { LANGUAGES, type Language } from '../../codegen/languages.js';

export class GenerateCodeDto {
  @IsIn(LANGUAGES, { message: `target_language must be one of: ${LANGUAGES.join(', ')}` })
  target_language!: Language;
}
