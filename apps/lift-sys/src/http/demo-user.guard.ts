import { BadRequestException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from './current-user.js';

export const DEMO_USER_HEADER = 'x-demo-user';
export const DEFAULT_DEMO_USER = 'demo-user';
const USER_ID_PATTERN = /^[\w.@-]{1,64}$/;

/** The `x-demo-user` header, if present; also what the HTTP span layer will use as `user.id`. */
export function demoUserFrom(request: AuthenticatedRequest): string | undefined {
  const header = request.headers[DEMO_USER_HEADER];
  return typeof header === 'string' ? header : undefined;
}

/**
 * Demo mode identifies users by the `x-demo-user` header (default `demo-user`). There is no other
 * authentication, so outside demo mode every non-public route answers 401.
 */
@Injectable()
export class DemoUserGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    if (!this.config.demoMode)
      throw new UnauthorizedException('authentication required: demo mode is off and no other sign-in exists');
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const userId = demoUserFrom(request) ?? DEFAULT_DEMO_USER;
    if (!USER_ID_PATTERN.test(userId))
      throw new BadRequestException(`${DEMO_USER_HEADER} must be 1-64 letters, digits or . _ @ -`);
    request.liftSysUserId = userId;
    return true;
  }
}
