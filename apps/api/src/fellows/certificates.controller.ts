import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.decorator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CertificatesService } from './certificates.service';
import { PublicCertificateView } from './fellows.views';

/** Checking and downloading "Citizen Data Fellow" certificates. */
@ApiTags('fellows')
@Controller('fellows/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** Anyone may check a number; the answer shows only the name the fellow agreed to publish. */
  @Public()
  @Get(':number')
  verify(@Param('number') number: string): Promise<PublicCertificateView> {
    return this.certificates.verify(number);
  }

  @Roles('trainer', 'admin')
  @Get(':number/pdf')
  async pdf(@CurrentUser() user: AuthUser, @Param('number') number: string): Promise<StreamableFile> {
    const { number: n, pdf } = await this.certificates.pdf(user, number);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="sertifikat-${n}.pdf"` });
  }
}
