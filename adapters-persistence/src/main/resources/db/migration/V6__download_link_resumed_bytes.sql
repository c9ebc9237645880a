-- Resumed parts of downloads are not downloads; their bytes are counted here, so they cannot
-- stand in for downloads after the 50th (DownloadLinkPolicy: at most the downloads' worth).
ALTER TABLE download_link ADD COLUMN resumed_bytes BIGINT NOT NULL DEFAULT 0;
