import { Module } from '@nestjs/common';
import { EmbedHttpController } from './embed.http.controller';

/** The embeddable comments widget and its config at /embed/v1/. */
@Module({ controllers: [EmbedHttpController] })
export class EmbedModule {}
