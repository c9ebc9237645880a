package com.cspdesk.application.software.port.in;

import java.time.Instant;

/**
 * Follows a download link. Every request that sends bits is counted and logged: one from the first
 * byte is a download and uses a file's worth of the link's bytes, a range starting later uses its
 * own bytes (DownloadLinkPolicy: the link's byte allowance, its downloads' worth).
 */
public interface DownloadSoftware {

    DownloadResult open(String token, Use use);

    /** What the request does with the link. */
    record Use(Kind kind, long firstByte, long bytes) {

        public Use {
            if (kind == null || firstByte < 0 || bytes < 0) {
                throw new IllegalArgumentException("a use of a link: " + kind + " " + firstByte + " " + bytes);
            }
        }

        /** Finds the link's file, to work out a range or answer a conditional request: nothing is sent. */
        public static Use look() {
            return new Use(Kind.LOOK, 0, 0);
        }

        /** Would {@code bytes} from {@code firstByte} be sent ({@code HEAD})? Nothing is recorded. */
        public static Use ask(long firstByte, long bytes) {
            return new Use(Kind.ASK, firstByte, bytes);
        }

        /** Sends {@code bytes} from {@code firstByte}: counted and logged, and a download when it starts at the first byte. */
        public static Use send(long firstByte, long bytes) {
            return new Use(Kind.SEND, firstByte, bytes);
        }

        public boolean fromFirstByte() {
            return kind != Kind.LOOK && firstByte == 0;
        }
    }

    enum Kind { LOOK, ASK, SEND }

    sealed interface DownloadResult {
    }

    record Granted(DownloadableFile file, Instant linkExpiresAt, int downloadsRemaining) implements DownloadResult {
    }

    /** {@code reason}: {@code link_invalid} (unknown or tampered), {@code link_expired}, {@code link_exhausted}, {@code link_revoked}. */
    record Refused(String reason) implements DownloadResult {
    }
}
