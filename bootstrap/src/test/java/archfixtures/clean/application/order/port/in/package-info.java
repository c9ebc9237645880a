/** Incoming ports of the order feature (a package-info is a class file too, and must pass every rule). */
package archfixtures.clean.application.order.port.in;
