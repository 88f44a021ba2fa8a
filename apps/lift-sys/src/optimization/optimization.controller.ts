import { Body, Controller, Post } from '@nestjs/common';
import { CurrentUser } from '../http/current-user.js';
import { CreateOptimizationRunDto } from './create-optimization-run.dto.js';
import { DEFAULT_EXAMPLES } from './examples.js';
import { OptimizationService, type OptimizationReport } from './optimization.service.js';

const DEFAULT_MAX_TRIALS = 3;

@Controller('api/optimization')
export class OptimizationController {
  constructor(private readonly optimization: OptimizationService) {}

  @Post('runs')
  run(@Body() body: CreateOptimizationRunDto, @CurrentUser() userId: string): Promise<OptimizationReport> {
    return this.optimization.run(
      body.optimizer,
      body.examples ?? DEFAULT_EXAMPLES,
      body.max_trials ?? DEFAULT_MAX_TRIALS,
      userId,
    );
  }
}
