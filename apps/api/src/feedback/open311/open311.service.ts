import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ASPIRATION_STATUS_LABELS_ID, AspirationStatus } from '@ogh/domain';
import { DataSource } from 'typeorm';
import { CategoriesService } from '../../categories/categories.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { badRequest, notFound } from '../../common/errors/domain.exception';
import { RegionsService } from '../../regions/regions.service';
import { AspirationService } from '../aspirations/aspiration.service';
import { normalizeTrackingCode } from '../aspirations/tracking-code';
import { Open311CreateRequestDto, Open311ListQueryDto } from './dto/open311-request.dto';

export interface Open311ServiceInfo {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: null;
}

const NOTICE = 'Ditanggapi sesuai standar LAPOR!/SP4N: verifikasi 3 hari kerja, rencana tindak lanjut 5 hari kerja.';

/**
 * Open311 GeoReport v2 on top of aspirations: services are the categories,
 * requests are aspirations (id = tracking code), the agency is the OPD and
 * the expected time comes from the SLA clock.
 */
@Injectable()
export class Open311Service {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesService,
    private readonly regions: RegionsService,
    private readonly aspirations: AspirationService,
  ) {}

  async services(): Promise<Open311ServiceInfo[]> {
    return (await this.categories.list()).map((c) => ({
      service_code: c.code,
      service_name: c.labelId,
      description: `${c.labelId} (${c.labelEn}). Ditangani oleh ${c.defaultOpd.name}.`,
      metadata: true,
      type: 'realtime',
      keywords: c.code.replace(/_/g, ','),
      group: c.defaultOpd.name,
    }));
  }

  async definition(code: string) {
    if (!(await this.categories.find(code))) throw notFound(`Service ${code}`);
    const kelurahan = await this.regions.listKelurahan();
    return {
      service_code: code,
      attributes: [
        {
          variable: true,
          code: 'kelurahan',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: 'Kelurahan tempat masalah berada',
          order: 1,
          description: 'Kelurahan',
          values: kelurahan.map((k) => ({ key: k.code, name: k.name })),
        },
      ],
    };
  }

  async create(dto: Open311CreateRequestDto, caller: AuthUser | undefined, idempotencyKey: string | undefined, portalUrl: string) {
    if ((dto.lat === undefined) !== (dto.long === undefined)) throw badRequest('lat and long go together', [{ field: dto.lat === undefined ? 'lat' : 'long', problem: 'is required with the other coordinate' }]);
    const name = [dto.first_name, dto.last_name].filter(Boolean).join(' ') || undefined;
    const hasContact = !!(dto.email || dto.phone || name);
    const result = await this.aspirations.submit(
      {
        text: dto.description,
        categoryCode: dto.service_code,
        kelurahanCode: dto['attribute[kelurahan]'],
        latitude: dto.lat,
        longitude: dto.long,
        address: dto.address_string,
        channel: 'other',
        // Open311 clients send contact details by design: giving them is the consent.
        contact: hasContact ? { name, email: dto.email, phone: dto.phone, consent: true } : undefined,
      },
      caller,
      idempotencyKey,
      portalUrl,
    );
    return { status: result.status, body: [{ service_request_id: result.body.trackingCode, service_notice: NOTICE, account_id: null }] };
  }

  async list(q: Open311ListQueryDto): Promise<Open311Request[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.service_request_id) {
      const codes = q.service_request_id.split(',').map((c) => normalizeTrackingCode(c.trim()));
      if (codes.some((c) => !c)) throw badRequest('service_request_id: contains an unknown id', [{ field: 'service_request_id', problem: 'contains an id that is not a tracking code' }]);
      params.push(codes);
      where.push(`a.tracking_code = ANY($${params.length})`);
    } else {
      if (q.service_code) {
        params.push(q.service_code);
        where.push(`a.category_code = $${params.length}`);
      }
      if (q.status) where.push(q.status === 'open' ? 'a.closed_at IS NULL' : 'a.closed_at IS NOT NULL');
      // GeoReport v2: without dates, the last 90 days.
      params.push(q.start_date ?? new Date(Date.now() - 90 * 86_400_000).toISOString());
      where.push(`a.submitted_at >= $${params.length}`);
      if (q.end_date) {
        params.push(q.end_date);
        where.push(`a.submitted_at <= $${params.length}`);
      }
    }
    return this.query(where, params, 1000);
  }

  async one(id: string): Promise<Open311Request[]> {
    const code = normalizeTrackingCode(id);
    if (!code) throw notFound(`Service request ${id}`);
    const rows = await this.query(['a.tracking_code = $1'], [code], 1);
    if (!rows.length) throw notFound(`Service request ${code}`);
    return rows;
  }

  private async query(where: string[], params: unknown[], limit: number): Promise<Open311Request[]> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT a.tracking_code, a.status, a.closed_at, a.category_code, c.label_id, a.public_text, o.name AS opd_name,
              a.submitted_at, a.updated_at, a.due_at, a.due_close_at, a.public_address, a.latitude, a.longitude,
              (SELECT e.public_body FROM aspiration_event e WHERE e.aspiration_id = a.id AND e.kind = 'reply' AND e.is_public ORDER BY e.created_at DESC LIMIT 1) AS last_reply
       FROM aspiration a JOIN category c ON c.code = a.category_code JOIN opd o ON o.id = a.opd_id
       WHERE ${where.join(' AND ')} ORDER BY a.submitted_at DESC LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => ({
      service_request_id: r.tracking_code,
      status: r.closed_at || r.status === 'rejected' || r.status === 'adopted' ? 'closed' : 'open',
      status_notes: r.last_reply ?? ASPIRATION_STATUS_LABELS_ID[r.status as AspirationStatus],
      service_name: r.label_id,
      service_code: r.category_code,
      description: r.public_text,
      agency_responsible: r.opd_name,
      service_notice: NOTICE,
      requested_datetime: r.submitted_at.toISOString(),
      updated_datetime: r.updated_at.toISOString(),
      expected_datetime: (r.due_at ?? r.due_close_at)?.toISOString() ?? null,
      address: r.public_address,
      address_id: null,
      zipcode: null,
      lat: r.latitude == null ? null : Math.round(r.latitude * 1000) / 1000,
      long: r.longitude == null ? null : Math.round(r.longitude * 1000) / 1000,
      media_url: null,
    }));
  }
}
