/**
 * One contract suite per outgoing port: abstract JUnit 5 classes that state what every adapter of
 * the port must do. The memory adapter's tests and the persistence adapter's tests (on H2 and on
 * MariaDB) extend each one and supply the adapter; a new adapter starts by extending them.
 */
package com.cspdesk.contracts;
