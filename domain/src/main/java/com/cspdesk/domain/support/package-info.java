/**
 * Customer support requests: what an attachment may be called and what it may contain, the statuses a
 * request goes through and who may move it from one to the next.
 */
package com.cspdesk.domain.support;
