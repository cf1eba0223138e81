import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdEntity } from './entities/opd.entity';
import { OpdController } from './opd.controller';
import { OpdService } from './opd.service';

@Module({
  imports: [TypeOrmModule.forFeature([OpdEntity])],
  controllers: [OpdController],
  providers: [OpdService],
  exports: [OpdService],
})
export class OpdModule {}
