/** Microsoft's figures for Lync Server 2013 Persistent Chat, as the rules and hovers quote them. */
export const USERS_PER_ACTIVE_SERVER = 20_000;
export const MAX_ACTIVE_SERVERS = 4;
export const MAX_STANDBY_SERVERS = 4;
export const MAX_POOL_SERVERS = 8;
export const MAX_CONCURRENT_USERS = 80_000;
export const MAX_PROVISIONED_USERS = 150_000;
export const MAX_FRONT_END_SERVERS = 12;
export const DEFAULT_SIP_PORT = 5041;
export const DEFAULT_POOL_PORT = 8011;
export const MAX_ACCESS_CONTROL_ENTRIES = 2_000_000;
export const MAX_INVITATIONS = 1_000_000;
