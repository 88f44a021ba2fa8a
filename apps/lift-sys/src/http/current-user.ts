import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';

export const PUBLIC_ROUTE = 'lift-sys:public-route';
/** Routes anyone may call, such as the health check. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  liftSysUserId?: string;
}

/** The user the DemoUserGuard identified. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const userId = context.switchToHttp().getRequest<AuthenticatedRequest>().liftSysUserId;
  if (userId === undefined) throw new Error('CurrentUser used on a route the DemoUserGuard did not run for');
  return userId;
});
