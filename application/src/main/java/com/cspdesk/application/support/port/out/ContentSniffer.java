package com.cspdesk.application.support.port.out;

/** Tells a file's media type from its bytes (magic numbers), whatever its name says. */
public interface ContentSniffer {

    String detect(byte[] content, String fileName);
}
