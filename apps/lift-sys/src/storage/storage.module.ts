import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Database } from './database.js';
import { openDatabase } from './open-database.js';
import { DraftRepository } from './repositories/draft.repository.js';
import { ExecutionHistoryRepository } from './repositories/execution-history.repository.js';
import { ResolutionRepository } from './repositories/resolution.repository.js';
import { RevisionRepository } from './repositories/revision.repository.js';
import { SessionRepository } from './repositories/session.repository.js';

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

const repositories = [SessionRepository, DraftRepository, RevisionRepository, ResolutionRepository, ExecutionHistoryRepository];

@Global()
@Module({
  providers: [
    { provide: Database, useFactory: (config: AppConfig) => openDatabase(config), inject: [AppConfig] },
    DatabaseCloser,
    ...repositories,
  ],
  exports: [Database, ...repositories],
})
export class StorageModule {}
