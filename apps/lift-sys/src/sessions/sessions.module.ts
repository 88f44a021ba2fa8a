import { Module } from '@nestjs/common';
import { CodegenModule } from '../codegen/codegen.module.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsCoreModule } from './sessions-core.module.js';

@Module({ imports: [SessionsCoreModule, CodegenModule], controllers: [SessionsController] })
export class SessionsModule {}
