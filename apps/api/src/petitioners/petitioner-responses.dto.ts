import { ApiProperty } from '@nestjs/swagger';
import { Nullable } from '../http/response-properties';
import { type PetitionerView, type RepresentativeView } from './petitioner-data.service';

/** The petitioner as staff see them, masked unless revealed; `implements` ties it to the service's type. */

export class RepresentativeViewDto implements RepresentativeView {
  @ApiProperty() name!: string;
  @Nullable(String) idType!: string | null;
  @Nullable(String) idNumber!: string | null;
  @Nullable(String) phone!: string | null;
}

export class CollectiveViewDto {
  @ApiProperty() headcount!: number;
  @ApiProperty({ type: [RepresentativeViewDto] }) representatives!: RepresentativeViewDto[];
}

export class PetitionerViewDto implements PetitionerView {
  @ApiProperty() name!: string;
  @ApiProperty() idType!: string;
  @Nullable(String) idNumber!: string | null;
  @Nullable(String) phone!: string | null;
  @Nullable(String) address!: string | null;
  @Nullable(CollectiveViewDto, { description: '集体访 / a collective visit' })
  collective!: CollectiveViewDto | null;
}
