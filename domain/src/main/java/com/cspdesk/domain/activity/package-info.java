/**
 * Spec "View activity for software key access and software downloads": who touched which key,
 * link or order, when, for which customer — kept append-only and tamper-evident.
 */
package com.cspdesk.domain.activity;
