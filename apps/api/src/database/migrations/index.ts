import { Initial1795812172585 } from './1795812172585-Initial';
import { Feedback1795812754228 } from './1795812754228-Feedback';
import { NationalHolidays1795812755228 } from './1795812755228-NationalHolidays';
import { OutboxPendingByTopic1795813703998 } from './1795813703998-OutboxPendingByTopic';
import { DropRedundantAspirationOpdIndex1795813786330 } from './1795813786330-DropRedundantAspirationOpdIndex';
import { Insight1795814984888 } from './1795814984888-Insight';
import { OkrAndFellows1795816657449 } from './1795816657449-OkrAndFellows';
import { Collector1795818335035 } from './1795818335035-Collector';
import { AnalysisMusrenbangMatch1795819825824 } from './1795819825824-AnalysisMusrenbangMatch';
import { AnalyticsSchema1795900000000 } from './1795900000000-AnalyticsSchema';
import { Reports1795900100000 } from './1795900100000-Reports';
import { AnalyticsFasterPanels1795900200000 } from './1795900200000-AnalyticsFasterPanels';
import { OutboxProcessed1795900300000 } from './1795900300000-OutboxProcessed';

/** Migrations in the order they apply. New ones are appended here. */
export const MIGRATIONS: Function[] = [Initial1795812172585, Feedback1795812754228, NationalHolidays1795812755228, OutboxPendingByTopic1795813703998, DropRedundantAspirationOpdIndex1795813786330, Insight1795814984888, OkrAndFellows1795816657449, Collector1795818335035, AnalysisMusrenbangMatch1795819825824, AnalyticsSchema1795900000000, Reports1795900100000, AnalyticsFasterPanels1795900200000, OutboxProcessed1795900300000];
