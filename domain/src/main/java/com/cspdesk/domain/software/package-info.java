/**
 * Purchased software: product keys ({@link com.cspdesk.domain.software.ProductKey}), download links and
 * their limits ({@link com.cspdesk.domain.software.DownloadLinkPolicy}) and which version, language and
 * bitness a purchase offers ({@link com.cspdesk.domain.software.SoftwareSelectionPolicy}); spec
 * "Activate and manage software subscriptions". Depends on {@code catalog}.
 */
package com.cspdesk.domain.software;
