import type { OnModuleInit } from '@nestjs/common';
import { setupTestObservability, type TestObservability } from '../testing/index.js';
import { NoTrace } from './no-trace.js';
import { SpanAttr } from './span-attr.js';
import { Traced } from './traced.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability();
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

@Traced()
class SessionStore implements OnModuleInit {
  private value = 'v';

  onModuleInit(): void {}

  get current(): string {
    return this.value;
  }

  set current(value: string) {
    this.value = value;
  }

  load(@SpanAttr('user.id') userId: string): string {
    return `${userId}:${this.value}`;
  }

  async save(): Promise<void> {}

  @NoTrace()
  helper(): number {
    return 1;
  }

  @Traced('store.custom')
  custom(): number {
    return this.helper();
  }
}

@Traced('repo')
class PrefixedRepository {
  find(): number {
    return 1;
  }
}

describe('@Traced on a class', () => {
  const store = new SessionStore();

  it('traces every method as ClassName.method, with @SpanAttr', async () => {
    expect(store.load('u-7')).toBe('u-7:v');
    await store.save();
    expect(otel.spans().map((span) => [span.name, span.attributes])).toEqual([
      ['SessionStore.load', { 'user.id': 'u-7', 'code.function.name': 'SessionStore.load' }],
      ['SessionStore.save', { 'code.function.name': 'SessionStore.save' }],
    ]);
  });

  it('skips the constructor, accessors, lifecycle hooks and @NoTrace methods', () => {
    store.onModuleInit();
    store.current = 'w';
    expect(store.current).toBe('w');
    store.helper();
    expect(otel.spans()).toEqual([]);
  });

  it('gives a method with its own @Traced exactly one span, with its own name', () => {
    store.custom();
    expect(otel.spans().map((span) => span.name)).toEqual(['store.custom']);
  });

  it('uses the given prefix', () => {
    new PrefixedRepository().find();
    expect(otel.spans()[0].name).toBe('repo.find');
  });
});
