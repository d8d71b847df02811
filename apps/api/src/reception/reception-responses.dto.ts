import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../../libs/domain/src/org/roles';
import { type ReceptionCase, type ReceptionSession } from '../../../../libs/persistence/src';
import { Nullable } from '../http/response-properties';

/** Response bodies of the reception days; `implements` ties each to the persistence type. */

export class ReceptionLeaderDto {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unitCode!: string;
  @Nullable(String, { enum: ROLES, description: '已不在领导岗位时为 null / null once no longer a leader' })
  role!: Role | null;
}

export class ReceptionSessionDto implements ReceptionSession {
  @ApiProperty() id!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: ReceptionLeaderDto }) leader!: ReceptionLeaderDto;
  @ApiProperty({ example: '2026-12-10' }) date!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty() publishedBy!: string;
  @ApiProperty() publishedAt!: string;
}

export class ReceptionSessionListDto {
  @ApiProperty({ type: [ReceptionSessionDto] }) items!: ReceptionSessionDto[];
}

export class ReceptionCaseDto implements ReceptionCase {
  @ApiProperty() caseNumber!: string;
  @ApiProperty() petitionerName!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() registeringUnitCode!: string;
  @ApiProperty() status!: string;
  @Nullable(String) holdingUnitCode!: string | null;
}

export class ReceptionRecordDto extends ReceptionSessionDto {
  @ApiProperty({ type: [ReceptionCaseDto] }) cases!: ReceptionCaseDto[];
}
