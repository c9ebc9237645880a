package com.cspdesk.adapters.files.support;

import com.cspdesk.application.support.port.out.ContentSniffer;
import jakarta.inject.Singleton;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * Tika (tika-core alone: magic numbers, a text heuristic and file-name globs). The bytes decide; the
 * name may only refine what the bytes were recognised as — {@code text/plain} named {@code .csv} is
 * {@code text/csv}, an Office Open XML package named {@code .docx} is a Word document — never replace
 * it: an executable named {@code .pdf} stays {@code application/x-msdownload}. Bytes Tika does not
 * recognise at all stay {@code application/octet-stream} whatever their name (plain
 * {@code Tika.detect(bytes, name)} would call them {@code application/pdf} when named so).
 *
 * <p>Without Tika's parser modules zip containers are not opened: an Office document is told by its
 * first zip entry ({@code [Content_Types].xml} or {@code _rels/.rels}) and its name; any other zip is
 * {@code application/zip} whatever its name (a zip named {@code .docx} is not a Word document).
 * {@link Tika} is thread-safe; one instance serves every request. It is made on the first attachment, not at
 * start-up: loading Tika's type registry is a tenth of the product's start (issue #18), and most starts see no upload.
 */
@Singleton
class TikaContentSniffer implements ContentSniffer {

    private static final String ZIP = "application/zip";

    /** Initialisation on demand: the JVM makes {@link #TIKA} once, when {@link #detect} first reads it. */
    private static final class Registry {
        static final Tika TIKA = new Tika();
    }

    @Override
    public String detect(byte[] content, String fileName) {
        Tika tika = Registry.TIKA;
        String byBytes = tika.detect(content);
        // Unknown bytes, and a zip that is not an Office package by its first entry, stay what they are.
        if (MediaType.OCTET_STREAM.toString().equals(byBytes) || ZIP.equals(byBytes)) {
            return byBytes;
        }
        return tika.detect(content, fileName);
    }
}
