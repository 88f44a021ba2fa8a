import { Module } from '@nestjs/common';
import { IrModule } from '../ir/ir.module.js';
import { SessionManager } from './session-manager.js';
import { SessionStore } from './session-store.js';

@Module({ imports: [IrModule], providers: [SessionStore, SessionManager], exports: [SessionStore, SessionManager] })
export class SessionsCoreModule {}
