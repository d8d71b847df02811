import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { AuthGuard } from '../auth/auth.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Principal } from '../auth/principal';
import { PetitionerDataService } from './petitioner-data.service';

export class RevealDto {
  @ApiProperty({ description: '查看原因（记入审计）/ why you need the full data (audited)' })
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
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '信访人信息（脱敏）/ the petitioner, masked' })
  masked(@Param('caseNumber') caseNumber: string, @CurrentUser() user: Principal) {
    return this.petitioners.masked(caseNumber, user);
  }

  @Post('reveal')
  @HttpCode(HttpStatus.OK)
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: '查看完整个人信息（需权限与理由，留痕）/ reveal in full: permission and a reason, audited',
  })
  reveal(
    @Param('caseNumber') caseNumber: string,
    @Body() body: RevealDto,
    @CurrentUser() user: Principal,
    @Ip() ip: string,
  ) {
    return this.petitioners.reveal(caseNumber, user, body.reason, ip);
  }
}
