import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RESOLUTION_TYPES, type ResolutionType } from '../session.types.js';

export class ResolveHoleDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution_text!: string;

  @IsIn(RESOLUTION_TYPES)
  resolution_type!: ResolutionType;
}
