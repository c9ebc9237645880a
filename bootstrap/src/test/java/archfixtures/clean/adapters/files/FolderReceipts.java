package archfixtures.clean.adapters.files;

import archfixtures.clean.application.order.port.out.Receipts;
import archfixtures.clean.domain.order.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An adapter that is files: it implements an outgoing port and knows no other adapter. */
public class FolderReceipts implements Receipts {

    private final Path folder;

    public FolderReceipts(Path folder) {
        this.folder = folder;
    }

    @Override
    public void file(Order order) {
        try {
            Files.writeString(folder.resolve(order.id() + ".txt"), order.total().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
