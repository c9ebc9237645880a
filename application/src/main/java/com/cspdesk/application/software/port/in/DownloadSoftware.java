package com.cspdesk.application.software.port.in;

import java.time.Instant;

/**
 * Follows a download link. A request from the first byte counts as one download and is logged;
 * a resumed request (a later start offset) continues a download and is not one, but the link must
 * still be valid and have resumed bytes left (DownloadLinkPolicy: its downloads' worth).
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

        /** Sends {@code bytes} from {@code firstByte}: recorded, and a download when it starts at the first byte. */
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
