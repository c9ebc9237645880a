/** Where a request came from, believing forwarded headers only from configured proxies. */
package com.cspdesk.adapters.web.clientaddress;
