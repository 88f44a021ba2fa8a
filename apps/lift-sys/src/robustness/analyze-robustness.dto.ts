import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PROMPT_LENGTH } from '../sessions/dto/create-session.dto.js';
import { MAX_VARIANTS } from './paraphrases.js';

export class AnalyzeRobustnessDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PROMPT_LENGTH)
  prompt!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VARIANTS)
  variant_count?: number;

  @IsOptional()
  @IsIn(['ir_paraphrase'])
  test_type?: 'ir_paraphrase';
}
