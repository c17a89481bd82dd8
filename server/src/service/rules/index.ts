import { unreadableSyntax } from './pc001-syntax';
import { schemaMismatch } from './pc002-schema';
import { duplicateId } from './pc003-duplicate-id';
import { unknownReference } from './pc004-unknown-reference';
import { wrongKindReference } from './pc005-wrong-kind-reference';
import { repeatedComputer } from './pc006-repeated-computer';
import { serverOutsideDomain } from './pc007-server-outside-domain';
import { sharedPoolFqdn } from './pc008-shared-pool-fqdn';
import { unknownSuppressionId } from './pc009-unknown-suppression-id';
import { pchatOnEnterpriseFrontEnd } from './pc101-pchat-on-enterprise-front-end';
import { expressNotLocal } from './pc102-express-not-local';
import { sharedPersistentChatInstance } from './pc103-shared-pchat-instance';
import { sharedBackEndInstance } from './pc104-shared-back-end-instance';
import { persistentChatWithBackEnd } from './pc105-pchat-with-back-end';
import { copyOnSameComputer } from './pc106-copy-on-same-computer';
import { complianceWithoutStore } from './pc107-compliance-without-store';
import { unusedComplianceStores } from './pc108-unused-compliance-stores';
import { backEndForEdition } from './pc109-back-end-for-edition';
import { standardEditionServers } from './pc110-standard-edition-servers';
import { tooManyFrontEndServers } from './pc111-too-many-front-end-servers';
import { alwaysOnDatabase } from './pc112-always-on';
import { mirrorInOtherDataCenter } from './pc113-mirror-other-data-center';
import { backupInSameDataCenter } from './pc114-backup-same-data-center';
import { fileStoreOnEnterpriseFrontEnd } from './pc115-file-store-on-enterprise-front-end';
import { multipleServerWithoutFileStore } from './pc116-multiple-server-without-file-store';
import { fileStoreOfOtherSite } from './pc117-file-store-other-site';
import { backupMirrorWithoutBackup } from './pc119-backup-mirror-without-backup';
import { copiesOfExpressDatabase } from './pc120-express-with-copies';
import { singleServerGrown } from './pc201-single-server-grown';
import { singleServerPool } from './pc202-single-server-pool';
import { tooManyActive } from './pc203-too-many-active';
import { tooManyServers } from './pc204-too-many-servers';
import { noActiveServer } from './pc205-no-active-server';
import { overCapacity } from './pc206-capacity';
import { poolOverMaximum } from './pc207-pool-over-80000';
import { poolFqdnNotServer } from './pc209-pool-fqdn';
import { adminConsolePrerequisites } from './pc210-admin-console';
import { nonDefaultPort } from './pc211-non-default-port';
import { deploymentConcurrentUsers } from './pc212-deployment-concurrent';
import { deploymentProvisionedUsers } from './pc213-deployment-provisioned';
import { standardEditionNoHighAvailability } from './pc214-standard-edition-no-ha';
import { samePorts } from './pc216-same-ports';
import { timeZoneDiffers } from './pc217-time-zone-differs';
import { tooManyDataCenters } from './pc218-more-than-two-data-centers';
import { roomAccessOverLimit } from './pc219-room-access-over-limit';
import { adminConsoleOutsideDomain } from './pc221-admin-console-outside-domain';
import { notUnderstood } from './pc010-not-understood';
import { persistentChatIn2019 } from './pc222-persistent-chat-in-2019';
import type { Rule } from './rule';

/** The rule catalog, in id order. A new rule is one file and one line here. */
export const ALL_RULES: readonly Rule[] = [
  unreadableSyntax,
  schemaMismatch,
  duplicateId,
  unknownReference,
  wrongKindReference,
  repeatedComputer,
  serverOutsideDomain,
  sharedPoolFqdn,
  unknownSuppressionId,
  notUnderstood,
  pchatOnEnterpriseFrontEnd,
  expressNotLocal,
  sharedPersistentChatInstance,
  sharedBackEndInstance,
  persistentChatWithBackEnd,
  copyOnSameComputer,
  complianceWithoutStore,
  unusedComplianceStores,
  backEndForEdition,
  standardEditionServers,
  tooManyFrontEndServers,
  alwaysOnDatabase,
  mirrorInOtherDataCenter,
  backupInSameDataCenter,
  fileStoreOnEnterpriseFrontEnd,
  multipleServerWithoutFileStore,
  fileStoreOfOtherSite,
  backupMirrorWithoutBackup,
  copiesOfExpressDatabase,
  singleServerGrown,
  singleServerPool,
  tooManyActive,
  tooManyServers,
  noActiveServer,
  overCapacity,
  poolOverMaximum,
  poolFqdnNotServer,
  adminConsolePrerequisites,
  nonDefaultPort,
  deploymentConcurrentUsers,
  deploymentProvisionedUsers,
  standardEditionNoHighAvailability,
  samePorts,
  timeZoneDiffers,
  tooManyDataCenters,
  roomAccessOverLimit,
  adminConsoleOutsideDomain,
  persistentChatIn2019,
];
