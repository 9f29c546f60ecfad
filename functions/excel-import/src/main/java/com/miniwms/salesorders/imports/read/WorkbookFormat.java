package com.miniwms.salesorders.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Recognises a workbook by its content, never by its file name. */
public enum WorkbookFormat {
    XLSX, XLS;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    /** @throws BadWorkbookException when the file is no workbook this service reads, with the reason */
    public static WorkbookFormat detect(Path file) {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new BadWorkbookException("The file cannot be read: " + e.getMessage(), e);
        }
        if (read >= 4 && startsWith(head, ZIP)) {
            checkZip(file);
            return XLSX;
        }
        if (read == 8 && startsWith(head, OLE2)) {
            if (OleContainer.isEncryptedOoxml(file)) {
                throw new BadWorkbookException("The workbook is password-protected; remove the password and upload it"
                        + " again");
            }
            return XLS;
        }
        throw new BadWorkbookException("The file is not an Excel workbook (.xlsx or .xls); save it from Excel as"
                + " an .xlsx workbook and upload it again");
    }

    private static void checkZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null && zip.getEntry("[Content_Types].xml") != null
                    && zip.getEntry("xl/workbook.bin") != null) {
                throw new BadWorkbookException("The workbook is in the binary .xlsb format; save it as .xlsx");
            }
            if (zip.getEntry("xl/vbaProject.bin") != null) {
                throw new BadWorkbookException("The workbook contains macros (.xlsm); save it as a plain .xlsx"
                        + " workbook without macros and upload it again");
            }
            ZipEntry workbook = zip.getEntry("xl/workbook.xml");
            if (workbook == null) {
                throw new BadWorkbookException("The file is a zip archive but not an Excel workbook (.xlsx)");
            }
        } catch (IOException e) {
            throw new BadWorkbookException("The file looks like an .xlsx workbook but is damaged: " + e.getMessage(),
                    e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
