import { alertNotifications } from './alert-notifications.integration';
import { fileExport } from './file-export.integration';
import type { IntegrationDefinition } from './integration.definition';
import { ticketSync } from './ticket-sync.integration';
import { userProvisioning } from './user-provisioning.integration';

/** Every integration Plugboard offers. */
export const INTEGRATIONS: IntegrationDefinition[] = [userProvisioning, ticketSync, fileExport, alertNotifications];
