import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

type PropertyType = StringConstructor | NumberConstructor | BooleanConstructor | (new () => object);

/** A property that is always present and may be null (`null` is how the API says "none"). */
export const Nullable = (type: PropertyType, options: ApiPropertyOptions = {}) =>
  ApiProperty({ ...options, type, nullable: true } as ApiPropertyOptions);

/** A JSON object whose fields are described elsewhere (an event's own fields, a published document). */
export const JsonObject = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ ...options, type: 'object', additionalProperties: true } as ApiPropertyOptions);
