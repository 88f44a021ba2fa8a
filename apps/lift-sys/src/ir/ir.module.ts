import { Module } from '@nestjs/common';
import { IRTranslator } from './ir-translator.js';
import { IRValidator } from './ir-validator.js';

@Module({ providers: [IRTranslator, IRValidator], exports: [IRTranslator, IRValidator] })
export class IrModule {}
