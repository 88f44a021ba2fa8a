import { Module } from '@nestjs/common';
import { IrModule } from '../ir/ir.module.js';
import { RobustnessAnalyzer } from './robustness-analyzer.js';
import { RobustnessController } from './robustness.controller.js';

@Module({ imports: [IrModule], providers: [RobustnessAnalyzer], controllers: [RobustnessController] })
export class RobustnessModule {}
