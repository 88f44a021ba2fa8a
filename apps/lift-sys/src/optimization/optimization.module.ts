import { Module } from '@nestjs/common';
import { IrModule } from '../ir/ir.module.js';
import { OptimizationController } from './optimization.controller.js';
import { OptimizationService } from './optimization.service.js';
import { TrialEvaluator } from './trial-evaluator.js';

@Module({ imports: [IrModule], providers: [TrialEvaluator, OptimizationService], controllers: [OptimizationController] })
export class OptimizationModule {}
