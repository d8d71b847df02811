import { ApiProperty } from '@nestjs/swagger';
import {
  ADMIN_ACTIONS,
  type AdminAction,
  type AdminAuditRecord,
  type ManagedUser,
} from '../../../../libs/persistence/src';
import { JsonObject, Nullable } from '../http/response-properties';
import { type IssuedCredentials } from './admin-users.service';

/** Response bodies of the administration routes; `implements` ties each to the type the code returns. */

export class NoticeNumberingSetDto {
  @ApiProperty() code!: string;
  @Nullable(String) shortName!: string | null;
  @Nullable(String) pattern!: string | null;
  @ApiProperty({ description: '按此格式的文号示例 / a 文号 in this pattern' }) example!: string;
}

export class ManagedUserDto implements ManagedUser {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() totpEnrolled!: boolean;
  @ApiProperty() locked!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty() createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [ManagedUserDto] }) items!: ManagedUserDto[];
}

/** A user as they are after the change. */
export class ChangedUserDto {
  @ApiProperty({ type: ManagedUserDto }) user!: ManagedUserDto;
}

export class DeactivatedUserDto extends ChangedUserDto {
  @ApiProperty({ description: '被注销的登录数 / sessions ended' }) sessionsRevoked!: number;
}

export class IssuedCredentialsDto extends ChangedUserDto implements IssuedCredentials {
  @ApiProperty({ description: '一次性密码，仅显示一次 / the one-time password, shown once' })
  oneTimePassword!: string;
}

export class ResetCredentialsDto extends IssuedCredentialsDto {
  @ApiProperty() sessionsRevoked!: number;
}

export class AdminAuditRecordDto implements AdminAuditRecord {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() actorId!: string;
  @Nullable(String) actorName!: string | null;
  @ApiProperty({ enum: ADMIN_ACTIONS }) action!: AdminAction;
  @ApiProperty() target!: string;
  @Nullable(String) unitCode!: string | null;
  @JsonObject() details!: Record<string, unknown>;
  @Nullable(String) clientAddress!: string | null;
}

export class AdminAuditPageDto {
  @ApiProperty({ type: [AdminAuditRecordDto] }) items!: AdminAuditRecordDto[];
  @Nullable(String) nextCursor!: string | null;
}
