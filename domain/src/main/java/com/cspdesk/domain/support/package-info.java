/** Customer support requests: what an attachment may be called and what it may contain. */
package com.cspdesk.domain.support;
