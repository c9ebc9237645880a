/**
 * The files adapter: the software bits in a local folder ({@code cspdesk.software-store.path}) and
 * what an uploaded file really is (Tika, by its bytes). Neither keeps business data, so swapping the
 * database leaves them alone.
 */
package com.cspdesk.adapters.files;
