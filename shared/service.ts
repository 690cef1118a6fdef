/** The service's name in logs and traces: the Logger's `service` and the stack's POWERTOOLS_SERVICE_NAME. */
export const SERVICE_NAME = 'ilo-network';
