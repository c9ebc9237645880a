/**
 * One contract suite per outgoing port: abstract JUnit 5 classes that state what every adapter of
 * the port must do. Each asks for the ports it needs by type ({@link com.cspdesk.contracts.PortContract});
 * the memory adapter's tests and the persistence adapter's tests (on H2 and on MariaDB) extend each
 * one and name only the extension that supplies their {@link com.cspdesk.contracts.Adapters}. A new
 * adapter starts with one such extension and one line per contract.
 */
package com.cspdesk.contracts;
