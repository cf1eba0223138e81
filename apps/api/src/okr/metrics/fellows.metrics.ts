import { ACTIVE_FELLOWS_SQL, activeWithinDays, CERTIFIED_SHARE_SQL } from '../../fellows/fellow-counts';
import { cycleWindow, effectiveAsOf, MetricDefinition, NOT_STARTED, round, wibDate } from './metric';

export const activeFellows: MetricDefinition = {
  key: 'active_fellows',
  label: 'Citizen Data Fellows aktif',
  unit: 'orang',
  direction: 'increase',
  description: 'Fellow bersertifikat dengan minimal satu kegiatan (audit data, fasilitasi forum, pendampingan) dalam 60 hari terakhir (activeWithinDays).',
  async compute(ctx) {
    if (!cycleWindow(ctx)) return { value: null, reason: NOT_STARTED };
    const asOf = effectiveAsOf(ctx);
    const days = activeWithinDays(ctx.params);
    const [row] = await ctx.query(ACTIVE_FELLOWS_SQL, [asOf, wibDate(asOf), days]);
    return { value: row.n, details: { activeWithinDays: days, asOfDate: wibDate(asOf) } };
  },
};

export const fellowsCertifiedShare: MetricDefinition = {
  key: 'fellows_certified_share',
  label: 'Peserta Citizen Data Fellows tersertifikasi',
  unit: '%',
  direction: 'increase',
  description: 'Persentase peserta terdaftar di kohort yang telah menerima sertifikat Citizen Data Fellow.',
  async compute(ctx) {
    if (!cycleWindow(ctx)) return { value: null, reason: NOT_STARTED };
    const [row] = await ctx.query(CERTIFIED_SHARE_SQL, [effectiveAsOf(ctx)]);
    if (!row.participants) return { value: null, reason: 'Belum ada peserta terdaftar', details: { participants: 0, certified: 0 } };
    return { value: round((row.certified / row.participants) * 100, 1), details: { participants: row.participants, certified: row.certified } };
  },
};
