/**
 * Who may do what ({@link com.cspdesk.domain.access.Permission}) and whose data it is
 * ({@link com.cspdesk.domain.access.TenantAccess}), decided here for every adapter.
 */
package com.cspdesk.domain.access;
