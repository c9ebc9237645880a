package com.cspdesk.adapters.files.software;

import com.cspdesk.application.software.port.in.DownloadableFile;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFolderSoftwareStoreTest {

    @TempDir
    Path root;

    @Test
    void servesTheFileOfAChoiceWithItsDigestAndFromAnyOffset() throws Exception {
        LocalFolderSoftwareStore store = new LocalFolderSoftwareStore(root.toString());
        Path folder = store.folderOf("DG7GMGF0D7FW", SoftwareVersion.of("2019"), SoftwareLanguage.of("de-DE"), Bitness.X64);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ws2019-de-x64.iso"), "hello software", StandardCharsets.UTF_8);

        DownloadableFile file = store.file("DG7GMGF0D7FW", SoftwareVersion.of("2019"), SoftwareLanguage.of("de-DE"), Bitness.X64)
                .orElseThrow();

        assertThat(file.fileName()).isEqualTo("ws2019-de-x64.iso");
        assertThat(file.sizeBytes()).isEqualTo(14);
        // sha256("hello software")
        assertThat(file.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest("hello software".getBytes(StandardCharsets.UTF_8))));
        assertThat(file.sha256()).isEqualTo(Files.readString(folder.resolve("ws2019-de-x64.iso.sha256")));
        try (InputStream in = file.openAt(6)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("software");
        }
        // A plain local file: its path is handed out, so the web adapter may have the kernel send it.
        assertThat(file.localPath()).contains(folder.resolve("ws2019-de-x64.iso"));
        assertThat(store.file("DG7GMGF0D7FW", SoftwareVersion.of("2016"), SoftwareLanguage.of("de-DE"), Bitness.X64)).isEmpty();
    }

    @Test
    void noChoiceCanLeaveTheStore() {
        LocalFolderSoftwareStore store = new LocalFolderSoftwareStore(root.toString());
        assertThat(store.file("..", SoftwareVersion.of("2019"), SoftwareLanguage.of("de-DE"), Bitness.X64)).isEmpty();
        assertThat(store.file("../../etc", SoftwareVersion.of("2019"), SoftwareLanguage.of("de-DE"), Bitness.X64)).isEmpty();
        assertThatThrownBy(() -> store.folderOf("a/b", SoftwareVersion.of("2019"), SoftwareLanguage.of("de-DE"), Bitness.X64))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
