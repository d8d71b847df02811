import { ApiProperty } from '@nestjs/swagger';
import { type UnitRow } from '../../../../libs/persistence/src';
import { Nullable } from '../http/response-properties';

/** Units as the directory and the administrators' screens answer them (`implements` ties them to UnitRow). */

export class CreatedUnitDto implements Omit<UnitRow, 'depth'> {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
  @Nullable(String) parentCode!: string | null;
}

export class UnitRowDto extends CreatedUnitDto implements UnitRow {
  @ApiProperty({ description: '所列子树的根为 0 / 0 for the root of the listed subtree' }) depth!: number;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitRowDto] }) items!: UnitRowDto[];
}
