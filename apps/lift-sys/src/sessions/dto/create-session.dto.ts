import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsBoundedMetadata } from './bounded-metadata.js';

export const MAX_PROMPT_LENGTH = 10_000;

export class CreateSessionDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PROMPT_LENGTH)
  prompt!: string;

  /** Free-form; `language` picks the IR's target language, `fixture_fault` drives the fixture provider. */
  @IsOptional()
  @IsObject()
  @IsBoundedMetadata()
  metadata?: Record<string, unknown>;
}
