import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OpdModule } from '../opd/opd.module';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, OpdModule],
  controllers: [UsersController],
  providers: [UsersService, BootstrapAdminService],
  exports: [UsersService, BootstrapAdminService],
})
export class UsersModule {}
