import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_PROMPT_LENGTH } from '../sessions/dto/create-session.dto.js';
import type { OptimizerName } from './optimization.service.js';

export class CreateOptimizationRunDto {
  @IsIn(['miprov2', 'copro'])
  optimizer!: OptimizerName;

  @IsOptional()
  @IsIn(['ir_quality'])
  metric?: 'ir_quality';

  /** Prompts to optimize on; the built-in set when omitted. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_PROMPT_LENGTH, { each: true })
  examples?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  max_trials?: number;
}
