import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AnalyzeRobustnessDto } from './analyze-robustness.dto.js';
import { RobustnessAnalyzer, type RobustnessReport } from './robustness-analyzer.js';

const DEFAULT_VARIANT_COUNT = 5;

@Controller('api/robustness')
export class RobustnessController {
  constructor(private readonly analyzer: RobustnessAnalyzer) {}

  @Post('analyze')
  @HttpCode(200)
  analyze(@Body() body: AnalyzeRobustnessDto): Promise<RobustnessReport> {
    return this.analyzer.analyze(body.prompt, body.variant_count ?? DEFAULT_VARIANT_COUNT);
  }
}
