import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { mayUse } from '../../../../libs/domain/src/org/permissions';
import { type Role } from '../../../../libs/domain/src/org/roles';
import { ApiError } from '../http/api-error';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuthGuard } from './auth.guard';
import { STAFF_SESSION_KEY, type RequestWithStaffSession } from './staff-session';

const ALLOWED_ROLES = 'allowedRoles';

/** 403 ROLE_NOT_ALLOWED unless the caller (already authenticated) holds one of the route's roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<readonly (Role | 'system')[]>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const session = context.switchToHttp().getRequest<RequestWithStaffSession>()[STAFF_SESSION_KEY];
    if (!allowed || (session && mayUse(session.roles, allowed))) return true;
    throw new ApiError('ROLE_NOT_ALLOWED', '您的角色无权使用此功能 / none of your roles may use this');
  }
}

/** The refusals of AuthGuard: no session, or one that has ended. */
export const SignedIn = () =>
  ApiErrors('AUTH_REQUIRED', 'SESSION_EXPIRED', 'SESSION_IDLE_TIMEOUT', 'SESSION_REVOKED');

/** A route for logged-in staff holding one of these roles (401 without a session, 403 without the role). */
export function StaffOnly(allowed: readonly (Role | 'system')[]) {
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, allowed),
    UseGuards(AuthGuard, RolesGuard),
    ApiBearerAuth(),
    SignedIn(),
    ApiErrors('ROLE_NOT_ALLOWED'),
    ApiExtension('x-allowed-roles', [...allowed]),
  );
}
