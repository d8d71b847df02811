import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { authError } from './auth-errors';
import { type StaffSession, STAFF_SESSION_KEY, type RequestWithStaffSession } from './staff-session';

/** The session AuthGuard resolved; 401 AUTH_REQUIRED on a route the guard does not cover. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): StaffSession => {
  const session = context.switchToHttp().getRequest<RequestWithStaffSession>()[STAFF_SESSION_KEY];
  if (!session) throw authError('AUTH_REQUIRED');
  return session;
});
