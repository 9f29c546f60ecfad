package com.miniwms.salesorders.imports.read;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.nio.file.Path;

/** Looks inside an OLE2 container: an .xlsx with a password is stored as one, with an EncryptionInfo stream. */
final class OleContainer {
    private OleContainer() {
    }

    static boolean isEncryptedOoxml(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            throw new BadWorkbookException("The file looks like an .xls workbook but is damaged", e);
        }
    }
}
