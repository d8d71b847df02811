import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class NoticeTemplateDto {
  @ApiProperty({
    description:
      '模板正文：首行为标题，占位符 {{字段}}、{{#if 字段}}…{{/if}} / the template: first line the title; placeholders {{field}}, {{#if field}}…{{/if}}',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  template!: string;
}
