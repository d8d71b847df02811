import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type Request } from 'express';
import { STAFF_SESSION_KEY, type RequestWithStaffSession } from './staff-session';
import { SessionService } from './sessions.service';
import { bearerToken } from './tokens';

/**
 * Resolves `Authorization: Bearer <token>` to the caller's session (401 AUTH_REQUIRED, SESSION_EXPIRED,
 * SESSION_IDLE_TIMEOUT or SESSION_REVOKED otherwise) and leaves it on the request for @CurrentUser().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & RequestWithStaffSession>();
    request[STAFF_SESSION_KEY] = await this.sessions.authenticate(bearerToken(request.headers.authorization));
    return true;
  }
}
