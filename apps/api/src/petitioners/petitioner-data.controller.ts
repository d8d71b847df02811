import { Body, Controller, Get, Header, HttpCode, HttpStatus, Ip, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { PetitionerViewDto } from './petitioner-responses.dto';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { PetitionerDataService } from './petitioner-data.service';

export class RevealDto {
  @ApiProperty({
    description: '查看原因（记入审计）/ why you need the full data (audited)',
    minLength: 4,
    maxLength: 500,
  })
  @IsString()
  @IsNotEmpty()
  @MinLength(4)
  @MaxLength(500)
  reason!: string;
}

@ApiTags('petitioner 信访人')
@Controller('cases/:caseNumber/petitioner')
export class PetitionerDataController {
  constructor(private readonly petitioners: PetitionerDataService) {}

  @Get()
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '信访人信息（脱敏）/ the petitioner, masked' })
  @ApiOkResponse({ type: PetitionerViewDto })
  @ApiErrors('CASE_NOT_FOUND')
  masked(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
  ): Promise<PetitionerViewDto> {
    return this.petitioners.masked(caseNumber, user);
  }

  @Post('reveal')
  @HttpCode(HttpStatus.OK)
  @StaffOnly(PERMISSION_ROLES.revealPersonalData)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: '查看完整个人信息（需权限与理由，留痕）/ reveal in full: permission and a reason, audited',
  })
  @ApiOkResponse({ type: PetitionerViewDto })
  @ApiErrors(...JSON_BODY_REFUSALS, 'CASE_NOT_FOUND')
  reveal(
    @Param('caseNumber') caseNumber: string,
    @Body() body: RevealDto,
    @CurrentUser() user: StaffSession,
    @Ip() ip: string,
  ): Promise<PetitionerViewDto> {
    return this.petitioners.reveal(caseNumber, user, body.reason, ip);
  }
}
