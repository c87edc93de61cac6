/** The statuses of a stored grant, as the schema names them. */
export enum OAuthGrantStatus {
  NOT_CONNECTED = 'NOT_CONNECTED',
  CONNECTED = 'CONNECTED',
  REFRESH_FAILED = 'REFRESH_FAILED',
  REVOKED = 'REVOKED',
}
