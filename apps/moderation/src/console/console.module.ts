import { Module } from '@nestjs/common';
import { ConsoleHttpController } from './console.http.controller';

/** Serves the moderator console at /console; the page itself talks to the moderation API. */
@Module({ controllers: [ConsoleHttpController] })
export class ConsoleModule {}
