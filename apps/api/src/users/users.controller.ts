import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersDto } from './dto/list-users.dto';
import { UsersService, UserView } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<{ user: UserView; oneTimePassword?: string }> {
    return this.users.create(dto, actor);
  }

  @Roles('admin')
  @Get()
  list(@Query() query: ListUsersDto): Promise<UserView[]> {
    return this.users.list(query);
  }

  @Roles('admin')
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Roles('admin')
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.setActive(id, false, actor);
  }

  @Roles('admin')
  @Post(':id/activate')
  @HttpCode(200)
  activate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.setActive(id, true, actor);
  }
}
