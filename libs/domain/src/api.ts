/** One JSON shape for every error the API returns. */
export interface ApiErrorDetail {
  field: string;
  problem: string;
}

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: ApiErrorDetail[];
  requestId?: string;
}

export type ComponentState = 'up' | 'down' | 'not_configured';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: ComponentState;
  redis: ComponentState;
  queueMode: 'bull' | 'inline';
}
