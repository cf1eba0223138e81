import { AuditLogEntity } from '../audit/audit-log.entity';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { AspirationContactEntity } from '../feedback/aspirations/entities/aspiration-contact.entity';
import { AspirationEventEntity } from '../feedback/aspirations/entities/aspiration-event.entity';
import { AspirationSupportEntity } from '../feedback/aspirations/entities/aspiration-support.entity';
import { AspirationEntity } from '../feedback/aspirations/entities/aspiration.entity';
import { ForumEventEntity } from '../feedback/forums/entities/forum-event.entity';
import { NotificationEntity } from '../feedback/notifications/entities/notification.entity';
import { PolicyAspirationEntity } from '../feedback/policies/entities/policy-aspiration.entity';
import { PolicyRatingEntity } from '../feedback/policies/entities/policy-rating.entity';
import { PolicyEntity } from '../feedback/policies/entities/policy.entity';
import { HolidayEntity } from '../feedback/sla/entities/holiday.entity';
import { SurveyResponseEntity } from '../feedback/surveys/entities/survey-response.entity';
import { AspirationAnalysisEntity } from '../insight/entities/aspiration-analysis.entity';
import { InsightEmergingEntity } from '../insight/entities/insight-emerging.entity';
import { InsightForecastEntity } from '../insight/entities/insight-forecast.entity';
import { InsightLabelEntity } from '../insight/entities/insight-label.entity';
import { InsightModelEntity } from '../insight/entities/insight-model.entity';
import { InsightTrendWeekEntity } from '../insight/entities/insight-trend.entity';
import { OutboxEntity } from '../outbox/outbox.entity';
import { ApiTokenEntity } from '../auth/entities/api-token.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { CategoryEntity } from '../categories/entities/category.entity';
import { OpdEntity } from '../opd/entities/opd.entity';
import { KecamatanEntity } from '../regions/entities/kecamatan.entity';
import { KelurahanEntity } from '../regions/entities/kelurahan.entity';
import { KotaEntity } from '../regions/entities/kota.entity';
import { FellowActivityEntity } from '../fellows/entities/fellow-activity.entity';
import { FellowAssessmentEntity } from '../fellows/entities/fellow-assessment.entity';
import { FellowCertificateEntity } from '../fellows/entities/fellow-certificate.entity';
import { FellowCohortEntity, FellowCohortModuleEntity } from '../fellows/entities/fellow-cohort.entity';
import { FellowEnrolmentEntity } from '../fellows/entities/fellow-enrolment.entity';
import { FellowModuleEntity } from '../fellows/entities/fellow-module.entity';
import { FellowParticipantEntity } from '../fellows/entities/fellow-participant.entity';
import { FellowAttendanceEntity, FellowSessionEntity } from '../fellows/entities/fellow-session.entity';
import { OkrCheckInEntity } from '../okr/entities/okr-check-in.entity';
import { OkrCycleEntity } from '../okr/entities/okr-cycle.entity';
import { OkrKeyResultValueEntity } from '../okr/entities/okr-key-result-value.entity';
import { OkrKeyResultEntity } from '../okr/entities/okr-key-result.entity';
import { OkrObjectiveEntity } from '../okr/entities/okr-objective.entity';
import { DataSourceEntity } from '../collector/entities/data-source.entity';
import { IndicatorObservationEntity } from '../collector/entities/indicator-observation.entity';
import { MusrenbangProposalLinkEntity } from '../collector/entities/musrenbang-proposal-link.entity';
import { MusrenbangProposalEntity } from '../collector/entities/musrenbang-proposal.entity';
import { SyncRunEntity } from '../collector/entities/sync-run.entity';
import { ReportEntity } from '../reports/entities/report.entity';

/** Every entity of the API, listed explicitly so builds and tests need no globbing. */
export const ENTITIES = [
  KotaEntity,
  KecamatanEntity,
  KelurahanEntity,
  OpdEntity,
  CategoryEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiTokenEntity,
  AuditLogEntity,
  IdempotencyKeyEntity,
  OutboxEntity,
  HolidayEntity,
  AspirationEntity,
  AspirationContactEntity,
  AspirationEventEntity,
  AspirationSupportEntity,
  PolicyEntity,
  PolicyAspirationEntity,
  PolicyRatingEntity,
  SurveyResponseEntity,
  ForumEventEntity,
  NotificationEntity,
  InsightModelEntity,
  AspirationAnalysisEntity,
  InsightLabelEntity,
  InsightTrendWeekEntity,
  InsightEmergingEntity,
  InsightForecastEntity,
  OkrCycleEntity,
  OkrObjectiveEntity,
  OkrKeyResultEntity,
  OkrKeyResultValueEntity,
  OkrCheckInEntity,
  FellowParticipantEntity,
  FellowModuleEntity,
  FellowCohortEntity,
  FellowCohortModuleEntity,
  FellowEnrolmentEntity,
  FellowSessionEntity,
  FellowAttendanceEntity,
  FellowAssessmentEntity,
  FellowCertificateEntity,
  FellowActivityEntity,
  DataSourceEntity,
  SyncRunEntity,
  IndicatorObservationEntity,
  MusrenbangProposalEntity,
  MusrenbangProposalLinkEntity,
  ReportEntity,
];
