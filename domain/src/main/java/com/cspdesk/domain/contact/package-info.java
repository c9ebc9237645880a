/** How people are reached: the shapes of an email address and of a phone number. */
package com.cspdesk.domain.contact;
