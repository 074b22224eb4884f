import { IsUUID } from 'class-validator';

export class ModeratorIdParamV1 {
  @IsUUID('all')
  id!: string;
}
