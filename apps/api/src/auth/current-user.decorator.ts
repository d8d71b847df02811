import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { authError } from './auth-errors';
import { type Principal, PRINCIPAL_KEY, type RequestWithPrincipal } from './principal';

/** The principal AuthGuard resolved; 401 AUTH_REQUIRED on a route the guard does not cover. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
  if (!principal) throw authError('AUTH_REQUIRED');
  return principal;
});
