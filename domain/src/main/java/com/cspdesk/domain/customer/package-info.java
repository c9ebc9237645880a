/** The partner's customers: how a customer is addressed. */
package com.cspdesk.domain.customer;
