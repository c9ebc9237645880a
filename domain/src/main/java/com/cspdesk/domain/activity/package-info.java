/**
 * Spec "View activity for software key access and software downloads": who touched which key,
 * link or order, when, for which customer — kept append-only and tamper-evident. What each kind of
 * record is called, by us and by Partner Center: {@link com.cspdesk.domain.activity.ActivityCatalogue}.
 */
package com.cspdesk.domain.activity;
