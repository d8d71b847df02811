import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from '../auth/principal';
import { adminError } from './admin-errors';

/** After AuthGuard: only a caller holding the admin role passes (403 ROLE_NOT_ALLOWED otherwise). */
@Injectable()
export class AdminRoleGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
    if (!principal?.roles.includes('admin')) throw adminError('ROLE_NOT_ALLOWED');
    return true;
  }
}
