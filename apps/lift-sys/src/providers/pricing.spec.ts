import { AppConfig } from '../config/app-config.js';
import { costUsd, DEFAULT_PRICING, parsePricingOverrides } from './pricing.js';
import { estimateTokens } from './deterministic-answer.js';

describe('pricing', () => {
  it('prices input and output tokens per million', () => {
    expect(costUsd(DEFAULT_PRICING, 'claude-3-opus-20240229', 1200, 450)).toBeCloseTo(0.05175, 10);
    expect(costUsd(DEFAULT_PRICING, 'gpt-4o', 1_000_000, 0)).toBe(2.5);
  });

  it('prices unknown models at zero', () => {
    expect(costUsd(DEFAULT_PRICING, 'mystery-model', 1000, 1000)).toBe(0);
  });

  it('takes overrides from LLM_PRICING_JSON', () => {
    const config = AppConfig.fromEnv({
      LLM_PRICING_JSON: '{"gpt-4o": {"input": 1, "output": 2}, "local": {"input": 0, "output": 0}}',
    });
    expect(config.pricing['gpt-4o']).toEqual({ input: 1, output: 2 });
    expect(config.pricing['claude-sonnet-4-6']).toEqual(DEFAULT_PRICING['claude-sonnet-4-6']);
  });

  it.each(['[]', '{"m": {"input": -1, "output": 1}}', '{"m": {"input": "1", "output": 1}}'])('rejects %s', (json) => {
    expect(() => parsePricingOverrides(json)).toThrow(/LLM_PRICING_JSON/);
  });

  it('estimates about four characters per token', () => {
    expect(estimateTokens('x'.repeat(400))).toBe(100);
    expect(estimateTokens('')).toBe(1);
  });
});
