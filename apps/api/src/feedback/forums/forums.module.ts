import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdModule } from '../../opd/opd.module';
import { RegionsModule } from '../../regions/regions.module';
import { ForumEventEntity } from './entities/forum-event.entity';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';

/** Public consultation forums and the yearly attendance per kecamatan. */
@Module({
  imports: [TypeOrmModule.forFeature([ForumEventEntity]), RegionsModule, OpdModule],
  controllers: [ForumsController],
  providers: [ForumsService],
  exports: [ForumsService],
})
export class ForumsModule {}
